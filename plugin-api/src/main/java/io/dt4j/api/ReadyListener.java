package io.dt4j.api;

import java.util.Optional;

/** Told once when the manager has started, or failed to (Go's {@code ReadyFunc}). */
@FunctionalInterface
public interface ReadyListener {

  /**
   * Called once, after start-up.
   *
   * @param failure why start-up failed, or empty when the manager is ready
   */
  void onReady(Optional<Throwable> failure);
}
