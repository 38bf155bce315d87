package io.dt4j.graphsync.transport;

import io.dt4j.api.ChannelId;
import io.dt4j.api.MessageType;
import io.dt4j.api.PeerId;
import io.dt4j.api.TransferMessage;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TransferResponse;
import io.dt4j.graphsync.Graphsync;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the transport's operations and its two sets of hooks share: the graphsync node, the channel
 * routes, the extension binding, the events handler and the wire counts.
 *
 * @param graphsync the graphsync node
 * @param routes the channels' graphsync requests
 * @param extensions the data-transfer extension binding
 * @param handler the manager's handler
 * @param wire the blocks received over the wire per channel
 */
record TransportCore(
    Graphsync graphsync,
    ChannelRoutes routes,
    TransferExtensions extensions,
    HandlerSlot handler,
    WireCounts wire) {

  /** Response kinds whose Acpt/Paus flags carry a validation or revalidation outcome. */
  private static final Set<MessageType> RESULT_TYPES =
      EnumSet.of(
          MessageType.NEW, MessageType.RESTART, MessageType.VOUCHER_RESULT, MessageType.COMPLETE);

  PeerId self() {
    return graphsync.peerId();
  }

  /**
   * The channel of a message that travelled between this node and {@code remote} (data-transfer.md
   * §6.2): the initiator sends requests and receives responses.
   *
   * @param received true if {@code remote} sent the message
   */
  ChannelId channelOf(TransferMessage message, PeerId remote, boolean received) {
    boolean remoteInitiates = (message instanceof TransferRequest) == received;
    return remoteInitiates
        ? new ChannelId(remote, self(), message.transferId())
        : new ChannelId(self(), remote, message.transferId());
  }

  /** A returned response that accepts with a pause: its producer pauses its side (§2.4). */
  static boolean announcesPause(TransferMessage message) {
    return message instanceof TransferResponse r
        && RESULT_TYPES.contains(r.type())
        && r.accepted()
        && r.paused();
  }

  /** A returned response that rejects: the request ends once it was delivered (§2.4). */
  static boolean announcesRejection(TransferMessage message) {
    return message instanceof TransferResponse r
        && RESULT_TYPES.contains(r.type())
        && !r.accepted();
  }
}
