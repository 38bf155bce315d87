package io.dt4j.core.manager;

import io.dt4j.api.ChannelId;
import io.dt4j.api.DataTransferException;

/**
 * A channel was created but its request could not be sent; the channel has failed with the same
 * message (Go's {@code Unable to send request: ...}). Go returns the channel id with the error;
 * here the exception carries it.
 */
public class ChannelOpenFailedException extends DataTransferException {
  private static final long serialVersionUID = 1L;

  /** The channel that was created and failed. */
  private final transient ChannelId channelId;

  /**
   * Creates the exception.
   *
   * @param channelId the channel
   * @param message the channel's error message
   * @param cause why the request could not be sent
   */
  public ChannelOpenFailedException(ChannelId channelId, String message, Throwable cause) {
    super(message, cause);
    this.channelId = channelId;
  }

  /** Returns the channel that was created and failed. */
  public ChannelId channelId() {
    return channelId;
  }
}
