package io.dt4j.api;

import java.util.concurrent.CompletionStage;

/**
 * A {@link Transport} that can also pause and resume channels. Without one, {@link
 * Manager#pauseDataTransferChannel} fails with {@link UnsupportedByTransportException}.
 */
public interface PauseableTransport extends Transport {

  /**
   * Pauses a channel: no more data moves until it is resumed.
   *
   * @param channelId the channel
   * @return completes when paused
   */
  CompletionStage<Void> pauseChannel(ChannelId channelId);

  /**
   * Resumes a paused channel.
   *
   * @param message the data-transfer message to carry with the resumption
   * @param channelId the channel
   * @return completes when resumed
   */
  CompletionStage<Void> resumeChannel(TransferMessage message, ChannelId channelId);
}
