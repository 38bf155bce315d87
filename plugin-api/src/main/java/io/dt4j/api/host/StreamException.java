package io.dt4j.api.host;

/**
 * A stream could not be opened, or was reset or lost. The message names the peer, the protocol and
 * the reason.
 */
public class StreamException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened
   */
  public StreamException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what happened
   * @param cause the underlying failure
   */
  public StreamException(String message, Throwable cause) {
    super(message, cause);
  }
}
