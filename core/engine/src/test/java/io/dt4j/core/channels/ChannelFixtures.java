package io.dt4j.core.channels;

import io.dt4j.api.ChannelId;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.PeerId;
import io.dt4j.api.Status;
import io.dt4j.api.TransferId;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Multihash;
import io.dt4j.ipld.Selectors;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Peers, CIDs and channel records for the channel tests. */
final class ChannelFixtures {
  static final PeerId ALICE = peer("alice");
  static final PeerId BOB = peer("bob");
  static final EncodedVoucher VOUCHER =
      new EncodedVoucher(TypeIdentifier.of("test/Voucher"), new byte[] {(byte) 0x80});

  private ChannelFixtures() {}

  static PeerId peer(String seed) {
    return PeerId.fromBytes(Multihash.sha256(seed.getBytes(StandardCharsets.UTF_8)).toBytes());
  }

  static Cid cid(long n) {
    return Block.of(Multicodec.RAW, ByteBuffer.allocate(8).putLong(n).array()).cid();
  }

  /** A pull that Alice opened from Bob, seen by Alice, in the given status. */
  static ChannelRecord pull(long id, Status status) {
    ChannelRecord fresh =
        ChannelRecord.create(
            new ChannelId(ALICE, BOB, new TransferId(id)),
            ALICE,
            cid(0),
            Selectors.EXPLORE_ALL,
            BOB,
            ALICE,
            VOUCHER);
    return fresh.withStatus(status);
  }
}
