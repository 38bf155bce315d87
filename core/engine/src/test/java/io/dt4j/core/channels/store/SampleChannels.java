package io.dt4j.core.channels.store;

import io.dt4j.api.ChannelId;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.PeerId;
import io.dt4j.api.Status;
import io.dt4j.api.TransferId;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.core.channels.ChannelRecord;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Multihash;
import io.dt4j.ipld.Node;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Deterministic channels, peers and CIDs for the store's tests and test mains. */
public final class SampleChannels {
  /** This node. */
  public static final PeerId SELF = peer("self");

  /** The other party. */
  public static final PeerId OTHER = peer("other");

  private SampleChannels() {}

  /** Returns a peer id: the sha2-256 multihash of the name. */
  public static PeerId peer(String name) {
    return PeerId.fromBytes(Multihash.sha256(name.getBytes(StandardCharsets.UTF_8)).toBytes());
  }

  /** Returns the id of the n-th pull channel this node initiated. */
  public static ChannelId channel(long n) {
    return new ChannelId(SELF, OTHER, new TransferId(n));
  }

  /** Returns a CIDv1 raw sha2-256 of the number n (distinct per n). */
  public static Cid cid(long n) {
    return Cid.v1(Multicodec.RAW, Multihash.sha256(ByteBuffer.allocate(8).putLong(n).array()));
  }

  /** The creation time of channel 0; channel n was created n seconds later. */
  public static final Instant EPOCH_OF_SAMPLES = Instant.parse("2026-01-02T03:04:05.678Z");

  /** Returns a new pull channel as its creator saves it (creation time stamped). */
  public static ChannelRecord created(long n) {
    return unstamped(n).createdAt(EPOCH_OF_SAMPLES.plusSeconds(n));
  }

  /** Returns a new pull channel as {@link ChannelRecord#create} makes it: no creation time yet. */
  public static ChannelRecord unstamped(long n) {
    return ChannelRecord.create(
        channel(n),
        SELF,
        cid(-n - 1),
        Node.map().put("R", Node.map().put(":>", Node.map().build()).build()).build(),
        OTHER,
        SELF,
        new EncodedVoucher(TypeIdentifier.of("TestVoucher"), new byte[] {(byte) 0x82, 1, 2}));
  }

  /** Returns the record after one more received block of the given size. */
  public static ChannelRecord receivedBlock(ChannelRecord record, long size) {
    return withProgress(
        record,
        Status.ONGOING,
        record.received() + size,
        record.receivedCidsCount() + 1,
        record.sequence() + 1);
  }

  /** Returns the record after a transition that moves no data. */
  public static ChannelRecord transitioned(ChannelRecord record, Status status) {
    return withProgress(
        record, status, record.received(), record.receivedCidsCount(), record.sequence() + 1);
  }

  private static ChannelRecord withProgress(
      ChannelRecord r, Status status, long received, long receivedCids, long sequence) {
    return new ChannelRecord(
        r.channelId(),
        r.selfPeer(),
        r.baseCid(),
        r.selector(),
        r.sender(),
        r.recipient(),
        r.totalSize(),
        status,
        r.queued(),
        r.sent(),
        received,
        "sequence " + sequence,
        r.vouchers(),
        List.copyOf(r.voucherResults()),
        receivedCids,
        sequence,
        r.created());
  }
}
