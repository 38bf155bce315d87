package io.dt4j.core.network;

import io.dt4j.api.PeerId;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TransferResponse;

/**
 * Where the data-transfer network delivers what peers send (data-transfer.md §1.2 dispatch), on the
 * network's dispatch executor, in order per stream.
 */
public interface MessageReceiver {

  /**
   * A request arrived (any type but restart-existing-channel).
   *
   * @param from the sender
   * @param request the request
   */
  void receiveRequest(PeerId from, TransferRequest request);

  /**
   * A responder asks this node to restart a channel it initiated (type 7).
   *
   * @param from the sender
   * @param request the request, naming the channel in {@code restartChannel}
   */
  void receiveRestartExistingChannelRequest(PeerId from, TransferRequest request);

  /**
   * A response arrived.
   *
   * @param from the sender
   * @param response the response
   */
  void receiveResponse(PeerId from, TransferResponse response);

  /**
   * A peer sent something that is not a message; its stream was reset. No channel is touched.
   *
   * @param from the sender
   * @param error what was wrong
   */
  default void receiveError(PeerId from, Exception error) {}

  /**
   * The last connection to a peer closed.
   *
   * @param peer the peer
   */
  default void peerDisconnected(PeerId peer) {}
}
