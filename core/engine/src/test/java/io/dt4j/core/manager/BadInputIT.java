package io.dt4j.core.manager;

import static io.dt4j.api.EventCode.ACCEPT;
import static io.dt4j.api.EventCode.CLEANUP_COMPLETE;
import static io.dt4j.api.EventCode.ERROR;
import static io.dt4j.api.EventCode.NEW_VOUCHER_RESULT;
import static io.dt4j.api.EventCode.OPEN;
import static io.dt4j.api.EventCode.RESPONDER_COMPLETES;
import static io.dt4j.api.EventCode.RESUME_RESPONDER;
import static io.dt4j.core.manager.Direction.seq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dt4j.api.ChannelId;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.MessageType;
import io.dt4j.api.Status;
import io.dt4j.api.TransferId;
import io.dt4j.api.TransferRejectedException;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TransferResponse;
import io.dt4j.core.manager.TestVouchers.TestVoucher;
import io.dt4j.ipld.Selectors;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Bad input never crashes a manager or touches another channel: messages about channels that do not
 * exist, a Complete before the channel was accepted (kept, as in Go), and a revalidator that
 * throws.
 */
class BadInputIT {
  private static final EncodedVoucher VOUCHER =
      new EncodedVoucher(
          TestVouchers.VOUCHER, new TestVouchers.VoucherCodec().encode(new TestVoucher("x", 1)));

  @Test
  void messagesAboutUnknownChannelsAreIgnoredOrRefused() throws Exception {
    try (Scenario s = Scenario.start(Direction.PULL);
        RawPeer mallory = new RawPeer()) {
      mallory.meet(s.alice);
      mallory.meet(s.bob);
      TransferId id = new TransferId(42);
      ChannelId toBob = new ChannelId(mallory.peerId(), s.bob.peerId(), id);
      ChannelId fromAlice = new ChannelId(s.alice.peerId(), mallory.peerId(), id);

      mallory.send(s.bob, Messages.cancel(toBob, mallory.peerId()));
      mallory.send(s.bob, Messages.update(toBob, mallory.peerId(), true));
      mallory.send(s.bob, Messages.update(toBob, mallory.peerId(), false));
      mallory.send(s.bob, Messages.voucherRequest(id, VOUCHER));
      mallory.send(
          s.bob, Messages.restartRequest(id, true, VOUCHER, s.dag.root(), Selectors.EXPLORE_ALL));
      mallory.send(
          s.alice, Messages.decision(MessageType.COMPLETE, id, true, false, Optional.empty()));
      mallory.send(s.alice, Messages.decision(MessageType.NEW, id, true, false, Optional.empty()));
      mallory.send(s.alice, Messages.cancel(fromAlice, mallory.peerId()));
      mallory.send(s.alice, Messages.update(fromAlice, mallory.peerId(), true));
      mallory.send(
          s.alice,
          Messages.restartExistingChannelRequest(
              new ChannelId(s.alice.peerId(), s.bob.peerId(), id)));

      // only the Restart request is answered: a rejection, as Go answers it (§5.7)
      await().atMost(EventLog.TIMEOUT).until(() -> !mallory.received.isEmpty());
      assertThat(mallory.received)
          .singleElement()
          .isEqualTo(new TransferResponse(MessageType.RESTART, id, false, false, Optional.empty()));

      ChannelId chid = s.open("deal-12");
      s.assertCompleted(chid);
      assertThat(s.alice.manager.inProgressChannels()).containsOnlyKeys(chid);
      assertThat(s.bob.manager.inProgressChannels()).containsOnlyKeys(chid);
    }
  }

  @Test
  void aCompleteBeforeTheAcceptImpliesTheAcceptanceAndTheLateAcceptChangesNothing()
      throws Exception {
    try (Scenario s = Scenario.start(Direction.PUSH);
        RawPeer carol = new RawPeer()) {
      ChannelId chid = pushToRawPeer(s, carol, "deal-13");

      carol.sendOnOneStream(
          s.alice,
          Messages.decision(MessageType.COMPLETE, chid.id(), true, false, Optional.empty()),
          Messages.decision(MessageType.NEW, chid.id(), true, false, Optional.empty()));

      // as in Go (§4.4): ResponderCompletes from Requested; Accept is then not allowed, the
      // New's resumption is only recorded; the channel waits for its own transport to finish
      await()
          .atMost(EventLog.TIMEOUT)
          .until(() -> s.alice.events.codes(chid).contains(RESUME_RESPONDER));
      assertThat(s.alice.events.codes(chid))
          .containsExactly(OPEN, RESPONDER_COMPLETES, RESUME_RESPONDER);
      assertThat(s.alice.manager.transferChannelStatus(chid)).isEqualTo(Status.RESPONDER_COMPLETED);
    }
  }

  @Test
  void aRejectionAfterAnEarlyCompleteStillFailsTheChannel() throws Exception {
    try (Scenario s = Scenario.start(Direction.PUSH);
        RawPeer carol = new RawPeer()) {
      ChannelId chid = pushToRawPeer(s, carol, "deal-16");

      carol.sendOnOneStream(
          s.alice,
          Messages.decision(MessageType.COMPLETE, chid.id(), true, false, Optional.empty()),
          Messages.decision(MessageType.NEW, chid.id(), false, false, Optional.empty()));

      s.alice.events.awaitEnd(chid);
      assertThat(s.alice.events.codes(chid))
          .containsExactly(OPEN, RESPONDER_COMPLETES, ERROR, CLEANUP_COMPLETE);
      assertThat(s.alice.manager.channelState(chid).message())
          .isEqualTo(TransferRejectedException.GO_TEXT);
    }
  }

  /** Alice pushes to a raw peer, who has received her request once this returns. */
  private static ChannelId pushToRawPeer(Scenario s, RawPeer carol, String deal) throws Exception {
    carol.meet(s.alice);
    ChannelId chid =
        s.alice
            .manager
            .openPushDataChannel(
                carol.peerId(), new TestVoucher(deal, 1), s.dag.root(), Selectors.EXPLORE_ALL)
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    await().atMost(EventLog.TIMEOUT).until(() -> !carol.received.isEmpty());
    assertThat(carol.received.get(0)).isInstanceOf(TransferRequest.class);
    return chid;
  }

  @ParameterizedTest
  @EnumSource(Direction.class)
  void aRevalidatorThatThrowsFailsItsChannelAndNoOther(Direction direction) throws Exception {
    try (Scenario s = Scenario.start(direction)) {
      ChannelId broken = s.nextChannel();
      s.bob.revalidator.throwOnData(broken);
      s.open("deal-14");
      ChannelId healthy = s.open("deal-15");

      s.assertFlows(
          broken,
          List.of(seq(s.aliceAccepted(), direction.initiatorData(1), ERROR, CLEANUP_COMPLETE)),
          List.of(
              seq(
                  OPEN,
                  NEW_VOUCHER_RESULT,
                  ACCEPT,
                  direction.responderData(1),
                  ERROR,
                  CLEANUP_COMPLETE)));
      assertThat(s.alice.manager.channelState(broken).message())
          .isEqualTo(TransferRejectedException.GO_TEXT);
      assertThat(s.bob.manager.transferChannelStatus(broken)).isEqualTo(Status.FAILED);

      s.assertCompleted(healthy);
    }
  }
}
