package io.dt4j.api;

/**
 * The other peer appears to have hung up; restarting the channel may help (Go's {@code
 * ErrDisconnected}).
 */
public class DisconnectedException extends DataTransferException {
  private static final long serialVersionUID = 1L;

  /** Go's text for this error. */
  public static final String GO_TEXT = "other peer appears to have hung up. restart Channel";

  /** Creates the exception with Go's text. */
  public DisconnectedException() {
    super(GO_TEXT);
  }

  /**
   * Creates the exception with more detail after Go's text.
   *
   * @param detail what happened, appended as {@code "<go text>: <detail>"}
   */
  public DisconnectedException(String detail) {
    super(GO_TEXT + ": " + detail);
  }
}
