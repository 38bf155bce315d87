package io.dt4j.core.channels;

import io.dt4j.api.ChannelId;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.PeerId;
import io.dt4j.api.Status;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Node;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything dt4j keeps about one channel, as persisted (data-transfer.md §4.6) — except the sets
 * of CIDs seen per direction, which the {@link ChannelStore} keeps beside it because they can hold
 * millions of entries. Immutable; every change is a new record made by the {@link
 * ChannelStateMachine}.
 *
 * @param channelId the channel
 * @param selfPeer this node
 * @param baseCid the root of the DAG
 * @param selector the IPLD selector
 * @param sender the peer that sends the data
 * @param recipient the peer that receives the data
 * @param totalSize total bytes if known, else 0
 * @param status the current status
 * @param queued bytes queued for sending (each distinct block once)
 * @param sent bytes sent (each distinct block once)
 * @param received bytes received (each distinct block once)
 * @param message the last error or information
 * @param vouchers every voucher, the opening one first
 * @param voucherResults every voucher result, oldest first
 * @param receivedCidsCount the number of distinct CIDs received
 * @param sequence how many transitions were applied since the channel was created (0 at creation)
 * @param created when this node first stored the channel, in milliseconds; empty for records stored
 *     before dt4j kept it, and for a {@link #create new} record until {@link Channels#open} stamps
 *     it
 */
public record ChannelRecord(
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
    List<EncodedVoucher> vouchers,
    List<EncodedVoucher> voucherResults,
    long receivedCidsCount,
    long sequence,
    Optional<Instant> created) {

  /**
   * Checks the fields: no part missing, counters not negative, at least the opening voucher; cuts
   * the creation time to milliseconds, the precision it is stored with.
   */
  public ChannelRecord {
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(selfPeer, "selfPeer");
    Objects.requireNonNull(baseCid, "baseCid");
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(message, "message");
    created = created.map(t -> t.truncatedTo(ChronoUnit.MILLIS));
    vouchers = List.copyOf(vouchers);
    voucherResults = List.copyOf(voucherResults);
    if (vouchers.isEmpty()) {
      throw new IllegalArgumentException("a channel has at least its opening voucher");
    }
    if (totalSize < 0 || queued < 0 || sent < 0 || received < 0 || receivedCidsCount < 0) {
      throw new IllegalArgumentException("negative counter in channel " + channelId);
    }
    if (status == Status.CHANNEL_NOT_FOUND_ERROR) {
      throw new IllegalArgumentException("ChannelNotFoundError is never stored");
    }
  }

  /**
   * Returns a new channel as its creator hands it to {@link Channels#open}: status Requested, the
   * opening voucher, zero counters, no creation time yet (the store's clock stamps it).
   *
   * @param channelId the channel
   * @param selfPeer this node
   * @param baseCid the root of the DAG
   * @param selector the IPLD selector
   * @param sender the data sender
   * @param recipient the data recipient
   * @param voucher the opening voucher
   * @return the record
   */
  public static ChannelRecord create(
      ChannelId channelId,
      PeerId selfPeer,
      Cid baseCid,
      Node selector,
      PeerId sender,
      PeerId recipient,
      EncodedVoucher voucher) {
    return new ChannelRecord(
        channelId,
        selfPeer,
        baseCid,
        selector,
        sender,
        recipient,
        0,
        Status.REQUESTED,
        0,
        0,
        0,
        "",
        List.of(voucher),
        List.of(),
        0,
        0,
        Optional.empty());
  }

  /**
   * Returns this record with another status, everything else the same.
   *
   * @param newStatus the status
   * @return the record, or this one if the status is unchanged
   */
  public ChannelRecord withStatus(Status newStatus) {
    return newStatus == status
        ? this
        : new ChannelRecord(
            channelId,
            selfPeer,
            baseCid,
            selector,
            sender,
            recipient,
            totalSize,
            newStatus,
            queued,
            sent,
            received,
            message,
            vouchers,
            voucherResults,
            receivedCidsCount,
            sequence,
            created);
  }

  /**
   * Returns this record with the creation time set, if it has none yet: a channel is created once.
   *
   * @param now the time the channel is first stored
   * @return the record, or this one if it already has a creation time
   */
  public ChannelRecord createdAt(Instant now) {
    return created.isPresent()
        ? this
        : new ChannelRecord(
            channelId,
            selfPeer,
            baseCid,
            selector,
            sender,
            recipient,
            totalSize,
            status,
            queued,
            sent,
            received,
            message,
            vouchers,
            voucherResults,
            receivedCidsCount,
            sequence,
            Optional.of(now));
  }

  /** Returns whether the initiator receives the data. */
  public boolean isPull() {
    return channelId.initiator().equals(recipient);
  }

  /** Returns the other party of the channel. */
  public PeerId otherPeer() {
    return channelId.otherParty(selfPeer);
  }
}
