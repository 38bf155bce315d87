package io.dt4j.api;

/**
 * Thrown by an {@link EventsHandler} method to pause the channel instead of cancelling it (Go's
 * {@code ErrPause}).
 */
public class PauseChannelException extends DataTransferException {
  private static final long serialVersionUID = 1L;

  /** Go's text for this error. */
  public static final String GO_TEXT = "pause channel";

  /** Creates the exception with Go's text. */
  public PauseChannelException() {
    super(GO_TEXT);
  }

  /**
   * Creates the exception with more detail after Go's text.
   *
   * @param detail what happened, appended as {@code "<go text>: <detail>"}
   */
  public PauseChannelException(String detail) {
    super(GO_TEXT + ": " + detail);
  }
}
