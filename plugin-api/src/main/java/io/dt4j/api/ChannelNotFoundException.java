package io.dt4j.api;

import java.util.Objects;

/** The channel a command was issued for does not exist (Go's {@code ErrChannelNotFound}). */
public class ChannelNotFoundException extends DataTransferException {
  private static final long serialVersionUID = 1L;

  /** Go's text for this error. */
  public static final String GO_TEXT = "channel not found";

  /** The channel that was not found. */
  private final transient ChannelId channelId;

  /**
   * Creates the exception.
   *
   * @param channelId the channel that was looked up
   */
  public ChannelNotFoundException(ChannelId channelId) {
    super(GO_TEXT + ": " + channelId);
    this.channelId = Objects.requireNonNull(channelId, "channelId");
  }

  /** Returns the channel that was not found. */
  public ChannelId channelId() {
    return channelId;
  }
}
