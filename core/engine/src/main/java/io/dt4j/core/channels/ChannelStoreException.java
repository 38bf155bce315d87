package io.dt4j.core.channels;

/** The channel store could not read or write; the message names the channel and the cause. */
public class ChannelStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param cause the underlying failure
   */
  public ChannelStoreException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Creates the exception.
   *
   * @param message what failed
   */
  public ChannelStoreException(String message) {
    super(message);
  }
}
