package io.dt4j.core.manager.monitor;

import io.dt4j.api.ChannelId;
import io.dt4j.api.PeerId;
import java.util.concurrent.CompletionStage;

/**
 * What the channel monitor asks of the manager (data-transfer.md §5.8): reach the other peer,
 * restart a channel, fail a channel. Each call returns at once; the stage completes when the work
 * is done, exceptionally if it failed.
 */
public interface MonitorTarget {

  /**
   * Opens (and closes) a stream to a peer, with the stream-open retries of §1.3, to learn that it
   * is reachable before a restart.
   *
   * @param peer the other party of the channel
   * @return completes when the peer was reached, exceptionally when all attempts failed
   */
  CompletionStage<Void> connectWithRetry(PeerId peer);

  /**
   * Restarts a channel as {@code RestartDataTransferChannel} does (§5.7).
   *
   * @param channelId the channel
   * @return completes when the restart request was sent
   */
  CompletionStage<Void> restartChannel(ChannelId channelId);

  /**
   * Closes a channel with an error as {@code CloseDataTransferChannelWithError} does: Cancel to the
   * peer, then the channel fails with the message.
   *
   * @param channelId the channel
   * @param message why the channel fails; becomes the channel's message
   * @return completes when the channel was closed
   */
  CompletionStage<Void> closeChannelWithError(ChannelId channelId, String message);
}
