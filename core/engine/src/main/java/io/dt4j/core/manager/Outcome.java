package io.dt4j.core.manager;

import io.dt4j.api.DataTransferException;
import java.util.Objects;

/**
 * What a handler tells its caller to do with the channel's transport, besides sending its reply:
 * Go's error results {@code nil}, {@code ErrPause}, {@code ErrResume} or another error, as types.
 */
sealed interface Outcome permits Outcome.Proceed, Outcome.Pause, Outcome.Resume, Outcome.Fail {

  /** Nothing to do. */
  Outcome PROCEED = new Proceed();

  /** Pause this node's side of the transport. */
  Outcome PAUSE = new Pause();

  /** Resume this node's side of the transport. */
  Outcome RESUME = new Resume();

  /** Go's {@code nil}. */
  record Proceed() implements Outcome {}

  /** Go's {@code ErrPause}. */
  record Pause() implements Outcome {}

  /** Go's {@code ErrResume}. */
  record Resume() implements Outcome {}

  /**
   * Another error: the transport's request for the channel is cancelled, unless the error is about
   * a message that does not belong to the channel (then the channel is left alone).
   *
   * @param error what went wrong
   * @param closesTransport whether the caller closes the channel's transport
   */
  record Fail(DataTransferException error, boolean closesTransport) implements Outcome {
    /** Checks the error is present. */
    public Fail {
      Objects.requireNonNull(error, "error");
    }
  }

  /**
   * Returns a failure that closes the channel's transport.
   *
   * @param message what went wrong
   * @return the failure
   */
  static Outcome fail(String message) {
    return new Fail(new DataTransferException(message), true);
  }

  /**
   * Returns a failure that closes the channel's transport.
   *
   * @param error what went wrong
   * @return the failure
   */
  static Outcome fail(DataTransferException error) {
    return new Fail(error, true);
  }

  /**
   * Returns a failure that leaves the channel and its transport alone: the message was not for it.
   *
   * @param message what was wrong with the message
   * @return the failure
   */
  static Outcome ignore(String message) {
    return new Fail(new DataTransferException(message), false);
  }
}
