package io.dt4j.core.manager.monitor;

import io.dt4j.api.ChannelId;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.PeerId;
import io.dt4j.api.TransferId;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.core.channels.ChannelRecord;
import io.dt4j.ipld.Block;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Multihash;
import io.dt4j.ipld.Selectors;
import java.nio.charset.StandardCharsets;

/** Peers and channel records for the monitor tests: Alice initiates, Bob responds. */
final class MonitorFixtures {
  static final PeerId ALICE = peer("alice");
  static final PeerId BOB = peer("bob");

  private MonitorFixtures() {}

  /** A pull Alice opened from Bob, as Alice sees it right after creating it (Requested). */
  static ChannelRecord pull(long id) {
    return channel(id, ALICE, BOB, ALICE);
  }

  /** A push Alice opened to Bob, as Alice sees it right after creating it (Requested). */
  static ChannelRecord push(long id) {
    return channel(id, ALICE, ALICE, BOB);
  }

  /** The same pull as Bob, its responder, sees it. */
  static ChannelRecord pullSeenByResponder(long id) {
    return channel(id, BOB, BOB, ALICE);
  }

  /** Returns "alice" or "bob". */
  static String name(PeerId peer) {
    return peer.equals(ALICE) ? "alice" : peer.equals(BOB) ? "bob" : peer.toString();
  }

  private static ChannelRecord channel(long id, PeerId self, PeerId sender, PeerId recipient) {
    return ChannelRecord.create(
        new ChannelId(ALICE, BOB, new TransferId(id)),
        self,
        Block.of(Multicodec.RAW, new byte[] {1}).cid(),
        Selectors.EXPLORE_ALL,
        sender,
        recipient,
        new EncodedVoucher(TypeIdentifier.of("test/Voucher"), new byte[] {(byte) 0x80}));
  }

  private static PeerId peer(String seed) {
    return PeerId.fromBytes(Multihash.sha256(seed.getBytes(StandardCharsets.UTF_8)).toBytes());
  }
}
