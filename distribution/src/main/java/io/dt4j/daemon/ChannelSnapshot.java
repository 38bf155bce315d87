package io.dt4j.daemon;

import io.dt4j.api.ChannelId;
import io.dt4j.api.ChannelState;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.PeerId;
import io.dt4j.api.Status;
import io.dt4j.core.channels.ChannelRecord;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Node;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the daemon shows of a channel, taken from the channel store or from the manager.
 *
 * @param channelId the channel
 * @param selfPeer this node
 * @param baseCid the root of the DAG
 * @param selector the selector
 * @param sender the peer that sends the data
 * @param recipient the peer that receives it
 * @param totalSize total bytes if known, else 0
 * @param status the status
 * @param queued bytes queued for sending
 * @param sent bytes sent
 * @param received bytes received
 * @param message the last error or information; may be empty
 * @param voucher the last voucher, if its bytes are known
 * @param receivedCids the number of distinct blocks received
 * @param voucherResult the last voucher result, if any and its bytes are known
 * @param created when the channel was created on this node; empty if not known (stored before dt4j
 *     kept it)
 */
public record ChannelSnapshot(
    ChannelId channelId,
    PeerId selfPeer,
    Cid baseCid,
    Node selector,
    PeerId sender,
    PeerId recipient,
    long totalSize,
    Status status,
    long queued,
    long sent,
    long received,
    String message,
    Optional<EncodedVoucher> voucher,
    long receivedCids,
    Optional<EncodedVoucher> voucherResult,
    Optional<Instant> created) {

  /** Checks that no part is missing. */
  public ChannelSnapshot {
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(selfPeer, "selfPeer");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(voucher, "voucher");
    Objects.requireNonNull(voucherResult, "voucherResult");
    Objects.requireNonNull(created, "created");
  }

  /** Returns a stored channel as shown. */
  public static ChannelSnapshot of(ChannelRecord r) {
    return new ChannelSnapshot(
        r.channelId(),
        r.selfPeer(),
        r.baseCid(),
        r.selector(),
        r.sender(),
        r.recipient(),
        r.totalSize(),
        r.status(),
        r.queued(),
        r.sent(),
        r.received(),
        r.message(),
        Optional.of(r.vouchers().get(r.vouchers().size() - 1)),
        r.receivedCidsCount(),
        r.voucherResults().isEmpty()
            ? Optional.empty()
            : Optional.of(r.voucherResults().get(r.voucherResults().size() - 1)),
        r.created());
  }

  /**
   * Returns the manager's view of a channel as shown; vouchers are encoded with their types.
   *
   * @param s the manager's view
   * @param types the voucher types
   * @param created when the channel was created, if known (the manager's view does not say)
   * @return the snapshot
   */
  public static ChannelSnapshot of(ChannelState s, VoucherTypes types, Optional<Instant> created) {
    return new ChannelSnapshot(
        s.channelId(),
        s.selfPeer(),
        s.baseCid(),
        s.selector(),
        s.sender(),
        s.recipient(),
        s.totalSize(),
        s.status(),
        s.queued(),
        s.sent(),
        s.received(),
        s.message(),
        types.encode(s.lastVoucher()),
        s.receivedCidsCount(),
        s.lastVoucherResult().flatMap(types::encode),
        created);
  }

  /** Returns whether this node opened the channel. */
  public boolean isInitiator() {
    return channelId.initiator().equals(selfPeer);
  }

  /** Returns whether this node sends the data. */
  public boolean isSender() {
    return sender.equals(selfPeer);
  }

  /** Returns the peer on the other side. */
  public PeerId otherPeer() {
    return channelId.otherParty(selfPeer);
  }

  /** Returns the bytes moved in this node's direction: sent if it sends, else received. */
  public long transferred() {
    return isSender() ? sent : received;
  }
}
