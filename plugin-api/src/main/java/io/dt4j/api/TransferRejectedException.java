package io.dt4j.api;

/** The other party did not accept the request (Go's {@code ErrRejected}). */
public class TransferRejectedException extends DataTransferException {
  private static final long serialVersionUID = 1L;

  /** Go's text for this error. */
  public static final String GO_TEXT = "response rejected";

  /** Creates the exception with Go's text. */
  public TransferRejectedException() {
    super(GO_TEXT);
  }

  /**
   * Creates the exception with more detail after Go's text.
   *
   * @param detail what happened, appended as {@code "<go text>: <detail>"}
   */
  public TransferRejectedException(String detail) {
    super(GO_TEXT + ": " + detail);
  }
}
