package io.dt4j.api;

/**
 * Thrown by {@link EventsHandler#onRequestReceived} to resume the channel on an update request
 * (Go's {@code ErrResume}).
 */
public class ResumeChannelException extends DataTransferException {
  private static final long serialVersionUID = 1L;

  /** Go's text for this error. */
  public static final String GO_TEXT = "resume channel";

  /** Creates the exception with Go's text. */
  public ResumeChannelException() {
    super(GO_TEXT);
  }

  /**
   * Creates the exception with more detail after Go's text.
   *
   * @param detail what happened, appended as {@code "<go text>: <detail>"}
   */
  public ResumeChannelException(String detail) {
    super(GO_TEXT + ": " + detail);
  }
}
