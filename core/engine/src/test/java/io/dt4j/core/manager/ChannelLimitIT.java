package io.dt4j.core.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dt4j.api.ChannelId;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.MessageType;
import io.dt4j.api.Status;
import io.dt4j.api.TransferId;
import io.dt4j.api.TransferResponse;
import io.dt4j.core.manager.TestVouchers.TestVoucher;
import io.dt4j.ipld.Selectors;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A peer may keep only so many channels open with a responder: its next New request is rejected on
 * the wire, another peer is served as before, and a place comes back when one of its channels ends.
 */
class ChannelLimitIT {
  private static final EncodedVoucher VOUCHER =
      new EncodedVoucher(
          TestVouchers.VOUCHER, new TestVouchers.VoucherCodec().encode(new TestVoucher("x", 1)));

  @Test
  void aPeerAtItsChannelLimitIsRejectedUntilOneOfItsChannelsEnds() throws Exception {
    try (Scenario s = Scenario.of(Direction.PULL).bobMaxChannelsPerPeer(2).start();
        RawPeer mallory = new RawPeer()) {
      mallory.meet(s.bob);

      for (long id = 1; id <= 3; id++) {
        mallory.send(s.bob, pull(id, s));
      }

      await().atMost(EventLog.TIMEOUT).until(() -> mallory.received.size() == 3);
      assertThat(answers(mallory))
          .containsExactlyInAnyOrder("1 accepted", "2 accepted", "3 rejected");
      ChannelId healthy = s.open("deal-1");
      s.assertCompleted(healthy);

      ChannelId first = new ChannelId(mallory.peerId(), s.bob.peerId(), new TransferId(1));
      mallory.send(s.bob, Messages.cancel(first, mallory.peerId()));
      await()
          .atMost(EventLog.TIMEOUT)
          .until(() -> s.bob.manager.transferChannelStatus(first) == Status.CANCELLED);
      mallory.send(s.bob, pull(4, s));
      await().atMost(EventLog.TIMEOUT).until(() -> answers(mallory).contains("4 accepted"));
    }
  }

  private static io.dt4j.api.TransferRequest pull(long id, Scenario s) {
    return Messages.newRequest(
        new TransferId(id), true, VOUCHER, s.dag.root(), Selectors.EXPLORE_ALL);
  }

  /** The New responses the peer received, as "id accepted|rejected". */
  private static List<String> answers(RawPeer peer) {
    return peer.received.stream()
        .filter(m -> m instanceof TransferResponse r && r.type() == MessageType.NEW)
        .map(TransferResponse.class::cast)
        .map(r -> r.transferId().value() + (r.accepted() ? " accepted" : " rejected"))
        .toList();
  }
}
