package io.dt4j.core.testing;

import io.dt4j.api.DataTransferException;
import io.dt4j.api.EventsHandler;
import io.dt4j.api.PauseChannelException;
import io.dt4j.api.ResumeChannelException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one {@link EventsHandler} call told the transport: a value, pause, resume, or stop with a
 * reason (the Java form of a graphsync hook's result, data-transfer.md §6.3).
 *
 * @param <T> the hook's return type
 */
sealed interface HookOutcome<T> {
  Logger LOG = LoggerFactory.getLogger(HookOutcome.class);

  /** A call into a handler, as a lambda. */
  @FunctionalInterface
  interface Hook<T> {
    T call(EventsHandler handler) throws DataTransferException;
  }

  /** A call into a handler whose result does not matter. */
  @FunctionalInterface
  interface Notice {
    void call(EventsHandler handler) throws DataTransferException;
  }

  /** The hook returned normally, or nobody heard it (then {@code value} is the default). */
  record Done<T>(T value) implements HookOutcome<T> {}

  /** The hook threw {@link PauseChannelException}. */
  record Paused<T>() implements HookOutcome<T> {}

  /** The hook threw {@link ResumeChannelException}. */
  record Resumed<T>() implements HookOutcome<T> {}

  /**
   * The hook threw anything else: the request must end.
   *
   * @param reason the text reported with the failure
   * @param cause what the handler threw
   */
  record Failed<T>(String reason, Exception cause) implements HookOutcome<T> {}

  /**
   * Calls a hook and classifies what happened. A {@link RuntimeException} is logged and becomes a
   * {@link Failed}, so that a broken handler ends the request instead of killing the pump.
   *
   * @param handler the handler, or empty if nobody listens any more
   * @param name the hook's name, for the log
   * @param hook the call
   * @param unheard the value when nobody listens
   * @return the outcome
   */
  static <T> HookOutcome<T> call(
      Optional<EventsHandler> handler, String name, Hook<T> hook, T unheard) {
    if (handler.isEmpty()) {
      return new Done<>(unheard);
    }
    try {
      return new Done<>(hook.call(handler.get()));
    } catch (PauseChannelException pause) {
      return new Paused<>();
    } catch (ResumeChannelException resume) {
      return new Resumed<>();
    } catch (DataTransferException failure) {
      return new Failed<>(failure.getMessage(), failure);
    } catch (RuntimeException bug) {
      LOG.warn("events handler {} threw; ending the request", name, bug);
      return new Failed<>(name + " threw " + bug, bug);
    }
  }

  /** Returns the value, or {@code otherwise} if the hook did not return normally. */
  default T valueOr(T otherwise) {
    return this instanceof Done<T> done && done.value() != null ? done.value() : otherwise;
  }
}
