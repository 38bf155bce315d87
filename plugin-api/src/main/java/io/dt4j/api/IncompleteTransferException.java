package io.dt4j.api;

/** A channel did not finish transferring its data (Go's {@code ErrIncomplete}). */
public class IncompleteTransferException extends DataTransferException {
  private static final long serialVersionUID = 1L;

  /** Go's text for this error. */
  public static final String GO_TEXT = "incomplete response";

  /** Creates the exception with Go's text. */
  public IncompleteTransferException() {
    super(GO_TEXT);
  }

  /**
   * Creates the exception with more detail after Go's text.
   *
   * @param detail what happened, appended as {@code "<go text>: <detail>"}
   */
  public IncompleteTransferException(String detail) {
    super(GO_TEXT + ": " + detail);
  }
}
