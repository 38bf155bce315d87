package io.dt4j.api;

/**
 * The operation is not supported by the transport, e.g. pausing on a transport that is not a {@link
 * PauseableTransport} (Go's {@code ErrUnsupported}).
 */
public class UnsupportedByTransportException extends DataTransferException {
  private static final long serialVersionUID = 1L;

  /** Go's text for this error. */
  public static final String GO_TEXT = "unsupported";

  /** Creates the exception with Go's text. */
  public UnsupportedByTransportException() {
    super(GO_TEXT);
  }

  /**
   * Creates the exception with more detail after Go's text.
   *
   * @param detail what happened, appended as {@code "<go text>: <detail>"}
   */
  public UnsupportedByTransportException(String detail) {
    super(GO_TEXT + ": " + detail);
  }
}
