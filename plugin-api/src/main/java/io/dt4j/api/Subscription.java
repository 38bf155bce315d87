package io.dt4j.api;

/** A registration that can be undone, such as an event subscription (Go's {@code Unsubscribe}). */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

  /** Ends the registration; calling it again has no effect. */
  @Override
  void close();
}
