package io.dt4j.api;

/**
 * The channel was inactive long enough to be put in a permanent error state (Go's {@code
 * ErrRemoved}).
 */
public class ChannelRemovedException extends DataTransferException {
  private static final long serialVersionUID = 1L;

  /** Go's text for this error. */
  public static final String GO_TEXT = "channel removed due to inactivity";

  /** Creates the exception with Go's text. */
  public ChannelRemovedException() {
    super(GO_TEXT);
  }

  /**
   * Creates the exception with more detail after Go's text.
   *
   * @param detail what happened, appended as {@code "<go text>: <detail>"}
   */
  public ChannelRemovedException(String detail) {
    super(GO_TEXT + ": " + detail);
  }
}
