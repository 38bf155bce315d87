package io.dt4j.core.manager;

import static io.dt4j.api.EventCode.CLEANUP_COMPLETE;
import static io.dt4j.api.EventCode.COMPLETE;
import static io.dt4j.api.EventCode.NEW_VOUCHER_RESULT;
import static io.dt4j.api.EventCode.RECEIVE_DATA_ERROR;
import static io.dt4j.api.EventCode.RESTART;
import static io.dt4j.api.EventCode.RESUME_RESPONDER;
import static io.dt4j.api.EventCode.SEND_DATA_ERROR;
import static io.dt4j.core.manager.Direction.seq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dt4j.api.ChannelId;
import io.dt4j.api.ChannelState;
import io.dt4j.api.EventCode;
import io.dt4j.api.Status;
import io.dt4j.core.channels.store.MvStoreChannelStore;
import io.dt4j.core.testing.BlockGate;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Restarting channels (data-transfer.md §5.7), in both directions: by the initiator and by the
 * responder after the data connection dropped, and by an initiator whose process restarted from its
 * channel store. In each, the blocks that already arrived are neither sent nor counted again.
 */
class RestartIT {
  @TempDir Path dir;

  /** The data error each side hears when the connection drops: send error at the sender. */
  private static EventCode errorAt(boolean sends) {
    return sends ? SEND_DATA_ERROR : RECEIVE_DATA_ERROR;
  }

  /** Runs a transfer to block k, drops the data connection, and waits until both sides heard. */
  private static ChannelId transferThenDrop(Scenario s, int k) throws Exception {
    BlockGate gate = s.holdNextAfter(k);
    ChannelId chid = s.open("deal-5");
    gate.awaitHeld(EventLog.TIMEOUT);
    s.hub.disconnect(s.alice.peerId(), s.bob.peerId());
    s.alice.events.awaitEvent(chid, errorAt(s.direction.initiatorSends()));
    s.bob.events.awaitEvent(chid, errorAt(!s.direction.initiatorSends()));
    gate.release();
    s.hub.reconnect(s.alice.peerId(), s.bob.peerId());
    return chid;
  }

  private static void assertRestartedFlows(Scenario s, ChannelId chid, int k) {
    Direction d = s.direction;
    int n = s.dag.blocks();
    s.assertFlows(
        chid,
        s.initiatorEndings(
            seq(
                s.aliceAccepted(),
                d.initiatorData(k),
                errorAt(d.initiatorSends()),
                NEW_VOUCHER_RESULT,
                RESTART,
                RESUME_RESPONDER,
                d.initiatorData(n - k))),
        List.of(
            seq(
                Scenario.bobAccepted(),
                d.responderData(k),
                errorAt(!d.initiatorSends()),
                NEW_VOUCHER_RESULT,
                RESTART,
                d.responderData(n - k),
                COMPLETE,
                CLEANUP_COMPLETE)));
  }

  private static void assertCountedOnce(Scenario s, ChannelId chid) throws Exception {
    assertCountedOnce(s, chid, 0);
  }

  /** Also counts the progress events the recipient published before a process restart. */
  private static void assertCountedOnce(Scenario s, ChannelId chid, int earlierProgress)
      throws Exception {
    s.assertEveryBlockMovedOnce(chid);
    ChannelState recipient = s.recipient().manager.channelState(chid);
    assertThat(recipient.received()).isEqualTo(s.dag.bytes());
    assertThat(recipient.receivedCidsCount()).isEqualTo(s.dag.blocks());
    assertThat(s.recipient().events.codes(chid))
        .filteredOn(EventCode.DATA_RECEIVED_PROGRESS::equals)
        .hasSize(s.dag.blocks() - earlierProgress);
  }

  @ParameterizedTest
  @EnumSource(Direction.class)
  void theInitiatorRestartsAfterTheConnectionDropped(Direction direction) throws Exception {
    try (Scenario s = Scenario.start(direction)) {
      int k = s.dag.blocks() / 3;
      ChannelId chid = transferThenDrop(s, k);

      Scenario.get(s.alice.manager.restartDataTransferChannel(chid));

      assertRestartedFlows(s, chid, k);
      assertCountedOnce(s, chid);
    }
  }

  @ParameterizedTest
  @EnumSource(Direction.class)
  void theResponderAsksTheInitiatorToRestartAfterTheConnectionDropped(Direction direction)
      throws Exception {
    try (Scenario s = Scenario.start(direction)) {
      int k = s.dag.blocks() / 3;
      ChannelId chid = transferThenDrop(s, k);

      Scenario.get(s.bob.manager.restartDataTransferChannel(chid));

      assertRestartedFlows(s, chid, k);
      assertCountedOnce(s, chid);
      String kind = direction.initiatorSends() ? "push:" : "pull:";
      // validated when opened, by the responder itself before asking, and on the Restart request
      assertThat(s.bob.validator.calls)
          .containsExactly(kind + "deal-5", kind + "deal-5", kind + "deal-5");
    }
  }

  @ParameterizedTest
  @EnumSource(Direction.class)
  void anInitiatorRestartedFromItsStoreResumesTheTransfer(Direction direction) throws Exception {
    try (Scenario s =
        Scenario.of(direction)
            .aliceStore(() -> MvStoreChannelStore.open(dir, MvStoreChannelStore.Options.DEFAULT))
            .start()) {
      int n = s.dag.blocks();
      int k = n / 3;
      BlockGate gate = s.holdNextAfter(k);
      ChannelId chid = s.open("deal-6");
      gate.awaitHeld(EventLog.TIMEOUT);
      EventLog beforeCrash = s.alice.events;
      // the k-th block's events are published asynchronously: crash after they arrived, so the
      // test knows what happened before the crash
      List<EventCode> upToTheGate = seq(s.aliceAccepted(), direction.initiatorData(k));
      await()
          .atMost(EventLog.TIMEOUT)
          .untilAsserted(
              () -> assertThat(beforeCrash.codes(chid)).containsExactlyElementsOf(upToTheGate));

      s.alice.restartProcess();
      s.introduce();
      s.bob.events.awaitEvent(chid, errorAt(!direction.initiatorSends()));
      gate.release();
      assertThat(s.alice.manager.transferChannelStatus(chid)).isEqualTo(Status.ONGOING);
      Scenario.get(s.alice.manager.restartDataTransferChannel(chid));

      assertThat(beforeCrash.codes(chid)).containsExactlyElementsOf(upToTheGate);
      s.assertFlows(
          chid,
          s.initiatorEndings(
              seq(NEW_VOUCHER_RESULT, RESTART, RESUME_RESPONDER, direction.initiatorData(n - k))),
          List.of(
              seq(
                  Scenario.bobAccepted(),
                  direction.responderData(k),
                  errorAt(!direction.initiatorSends()),
                  NEW_VOUCHER_RESULT,
                  RESTART,
                  direction.responderData(n - k),
                  COMPLETE,
                  CLEANUP_COMPLETE)));
      assertCountedOnce(s, chid, direction.initiatorSends() ? 0 : k);
    }
  }
}
