package io.dt4j.graphsync.transport;

/**
 * What one {@link io.dt4j.api.EventsHandler} call told the transport (the Java form of a Go hook's
 * error, data-transfer.md §6.3): go on with a value, pause, resume, or stop with a reason.
 *
 * @param <T> the call's return type
 */
sealed interface HookResult<T> {

  /** The handler returned normally, or nobody listens (then the value is null). */
  record Done<T>(T value) implements HookResult<T> {}

  /** The handler threw {@link io.dt4j.api.PauseChannelException}. */
  record Paused<T>() implements HookResult<T> {}

  /** The handler threw {@link io.dt4j.api.ResumeChannelException}. */
  record Resumed<T>() implements HookResult<T> {}

  /**
   * The handler threw anything else: the graphsync request must end.
   *
   * @param reason the handler's message
   */
  record Failed<T>(String reason) implements HookResult<T> {}

  /** Returns the value, or null if the handler did not return normally. */
  default T valueOrNull() {
    return this instanceof Done<T> done ? done.value() : null;
  }
}
