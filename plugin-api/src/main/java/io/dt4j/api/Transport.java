package io.dt4j.api;

import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Node;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Moves the data of channels between two peers, for example over graphsync. The manager coordinates
 * requests, validation and state; the transport moves blocks and reports what happens through the
 * {@link EventsHandler} set with {@link #setEventHandler}.
 *
 * <p>Whatever the direction of the transfer, {@link #openChannel} is always called by the party
 * that will receive the data. A transport that can pause and resume channels implements {@link
 * PauseableTransport}. Implementations are thread-safe and never block the caller on the network:
 * the returned stages complete when the operation has been carried out or has failed.
 */
public interface Transport {

  /**
   * Asks {@code dataSender} to send the data of a channel to this node.
   *
   * @param dataSender the peer holding the data
   * @param channelId the channel
   * @param root the root of the DAG
   * @param selector the IPLD selector over the DAG
   * @param doNotSendCids blocks this node already has (after a restart)
   * @param message the data-transfer message to carry along with the transport's request
   * @return completes when the request has been sent, or fails with a {@link DataTransferException}
   */
  CompletionStage<Void> openChannel(
      PeerId dataSender,
      ChannelId channelId,
      Cid root,
      Node selector,
      Set<Cid> doNotSendCids,
      TransferMessage message);

  /**
   * Closes a channel: stops moving its data on both sides.
   *
   * @param channelId the channel
   * @return completes when closed
   */
  CompletionStage<Void> closeChannel(ChannelId channelId);

  /**
   * Sets the handler that receives this transport's events. It can be set once.
   *
   * @param handler the manager's handler
   * @throws HandlerAlreadySetException if a handler was set before
   */
  void setEventHandler(EventsHandler handler) throws HandlerAlreadySetException;

  /**
   * Forgets the per-channel state of a channel that the other side cancelled or that ended.
   *
   * @param channelId the channel
   */
  void cleanupChannel(ChannelId channelId);

  /**
   * Returns counters this transport keeps for a channel beyond the manager's byte counts, by name
   * (e.g. graphsync's {@code blocksOnWire} and {@code duplicateBlocks}), for operators and tests.
   * The default keeps none.
   *
   * @param channelId the channel
   * @return the counters, empty if there are none (yet)
   */
  default Map<String, Long> channelCounters(ChannelId channelId) {
    return Map.of();
  }

  /**
   * Stops the transport: cancels its requests and releases its resources.
   *
   * @return completes when shut down
   */
  CompletionStage<Void> shutdown();
}
