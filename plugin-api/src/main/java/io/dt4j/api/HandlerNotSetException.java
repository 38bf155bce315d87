package io.dt4j.api;

/** The transport was used before its events handler was set (Go's {@code ErrHandlerNotSet}). */
public class HandlerNotSetException extends DataTransferException {
  private static final long serialVersionUID = 1L;

  /** Go's text for this error. */
  public static final String GO_TEXT = "event handler has not been set";

  /** Creates the exception with Go's text. */
  public HandlerNotSetException() {
    super(GO_TEXT);
  }

  /**
   * Creates the exception with more detail after Go's text.
   *
   * @param detail what happened, appended as {@code "<go text>: <detail>"}
   */
  public HandlerNotSetException(String detail) {
    super(GO_TEXT + ": " + detail);
  }
}
