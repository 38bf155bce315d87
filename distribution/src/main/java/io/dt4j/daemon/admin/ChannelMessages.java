package io.dt4j.daemon.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The admin API's channel requests and replies, besides {@link ChannelInfo}. */
public final class ChannelMessages {
  private ChannelMessages() {}

  /**
   * {@code ListDataTransfers} and {@code DataTransferDiagnostics}: channels, sorted by id.
   *
   * @param channels the channels
   */
  public record ChannelList(List<ChannelInfo> channels) {}

  /**
   * Names a channel for show, pause, resume, cancel and restart: either {@code channel} (a full id,
   * a unique prefix or a bare transfer id) or lotus's tuple {@code transfer_id}, {@code
   * other_peer}, {@code is_initiator}.
   *
   * @param channel the reference, or null
   * @param transferId the transfer id, with the tuple
   * @param otherPeer the other peer, with the tuple
   * @param isInitiator whether this node opened the channel, with the tuple
   * @param cancelTimeoutMs for cancel: how long to wait for the peer to be told (default 5000)
   */
  public record Action(
      String channel,
      String transferId,
      String otherPeer,
      Boolean isInitiator,
      Long cancelTimeoutMs) {}

  /**
   * {@code SendDataTransferVoucher}: a new voucher on a channel this node opened, named as in
   * {@link Action}.
   *
   * @param channel the reference, or null
   * @param transferId the transfer id, with the tuple
   * @param otherPeer the other peer, with the tuple
   * @param isInitiator whether this node opened the channel, with the tuple
   * @param voucherType the voucher type's identifier
   * @param voucher the voucher as DAG-JSON
   */
  public record NewVoucher(
      String channel,
      String transferId,
      String otherPeer,
      Boolean isInitiator,
      String voucherType,
      JsonNode voucher) {

    /** Returns the channel's name alone. */
    public Action action() {
      return new Action(channel, transferId, otherPeer, isInitiator, null);
    }
  }

  /**
   * What a pause, resume, cancel, restart or new voucher did.
   *
   * @param channel the channel's full id
   * @param action {@code pause}, {@code resume}, {@code cancel}, {@code restart} or {@code voucher}
   * @param peerNotified false when a cancel was done locally but the peer could not be told
   * @param message why the peer was not told; empty otherwise
   */
  public record ActionResult(String channel, String action, boolean peerNotified, String message) {}

  /**
   * {@code OpenPullDataChannel} and {@code OpenPushDataChannel}.
   *
   * @param address the other peer's multiaddr, ending in {@code /p2p/<peer id>}
   * @param root the root CID
   * @param selector the selector as DAG-JSON, or null for the whole DAG
   * @param voucherType the voucher type's identifier
   * @param voucher the voucher as DAG-JSON
   */
  public record Open(
      String address, String root, JsonNode selector, String voucherType, JsonNode voucher) {}

  /**
   * The channel a pull or push opened.
   *
   * @param channel its full id
   */
  public record Opened(String channel) {}

  /**
   * One event of the {@code events} stream.
   *
   * @param event the go-data-transfer event name, e.g. {@code DataReceived}
   * @param code its numeric code
   * @param message the event's message; may be empty
   * @param timestamp when it was applied (RFC 3339)
   * @param channel the channel after it
   */
  public record Update(
      String event, int code, String message, String timestamp, ChannelInfo channel) {}
}
