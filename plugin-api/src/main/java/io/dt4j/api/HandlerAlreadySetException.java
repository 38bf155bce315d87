package io.dt4j.api;

/** An events handler was already set on the transport (Go's {@code ErrHandlerAlreadySet}). */
public class HandlerAlreadySetException extends DataTransferException {
  private static final long serialVersionUID = 1L;

  /** Go's text for this error. */
  public static final String GO_TEXT = "already set event handler";

  /** Creates the exception with Go's text. */
  public HandlerAlreadySetException() {
    super(GO_TEXT);
  }

  /**
   * Creates the exception with more detail after Go's text.
   *
   * @param detail what happened, appended as {@code "<go text>: <detail>"}
   */
  public HandlerAlreadySetException(String detail) {
    super(GO_TEXT + ": " + detail);
  }
}
