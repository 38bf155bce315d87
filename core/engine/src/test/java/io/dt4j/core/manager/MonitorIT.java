package io.dt4j.core.manager;

import static io.dt4j.api.EventCode.CANCEL;
import static io.dt4j.api.EventCode.CLEANUP_COMPLETE;
import static io.dt4j.api.EventCode.COMPLETE;
import static io.dt4j.api.EventCode.ERROR;
import static io.dt4j.api.EventCode.NEW_VOUCHER_RESULT;
import static io.dt4j.api.EventCode.RESTART;
import static io.dt4j.api.EventCode.RESUME_RESPONDER;
import static io.dt4j.core.manager.Direction.seq;
import static io.dt4j.core.manager.Direction.times;
import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.ChannelId;
import io.dt4j.api.EventCode;
import io.dt4j.api.Status;
import io.dt4j.core.channels.store.MvStoreChannelStore;
import io.dt4j.core.manager.monitor.MonitorConfig;
import io.dt4j.core.testing.BlockGate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The channel monitor at work in a manager (data-transfer.md §5.8 and dt4j's data-rate check), in
 * both directions: a channel whose data stops is restarted and completes once data moves again; one
 * whose data never moves again fails after the configured restarts, saying why.
 */
class MonitorIT {
  @TempDir Path dir;

  private static final MonitorConfig FAST =
      MonitorConfig.builder()
          .acceptTimeout(Duration.ZERO)
          .completeTimeout(Duration.ZERO)
          .restartDebounce(Duration.ofMillis(50))
          .restartBackoff(Duration.ofMillis(200))
          .maxConsecutiveRestarts(2)
          .dataRate(Duration.ofMillis(300), 1)
          .build();

  /** A slower data-rate window: the test must let the data move again before a second check. */
  private static final MonitorConfig PATIENT =
      FAST.toBuilder().dataRate(Duration.ofSeconds(1), 1).build();

  /** Opens a channel whose data stops after k blocks without anybody hearing about it. */
  private static ChannelId stalledAfter(Scenario s, int k) throws Exception {
    BlockGate gate = s.holdNextAfter(k);
    ChannelId chid = s.open("deal-8");
    gate.awaitHeld(EventLog.TIMEOUT);
    s.hub.stall(chid);
    gate.release();
    return chid;
  }

  @ParameterizedTest
  @EnumSource(Direction.class)
  void theMonitorRestartsAChannelWhoseDataStopped(Direction direction) throws Exception {
    try (Scenario s = Scenario.of(direction).aliceMonitor(PATIENT).start()) {
      int n = s.dag.blocks();
      int k = n / 2;
      ChannelId chid = stalledAfter(s, k);

      s.alice.events.awaitEvent(chid, RESTART);
      s.hub.unstall(chid);

      s.assertFlows(
          chid,
          s.initiatorEndings(
              seq(
                  s.aliceAccepted(),
                  direction.initiatorData(k),
                  NEW_VOUCHER_RESULT,
                  RESTART,
                  RESUME_RESPONDER,
                  direction.initiatorData(n - k))),
          List.of(
              seq(
                  Scenario.bobAccepted(),
                  direction.responderData(k),
                  NEW_VOUCHER_RESULT,
                  RESTART,
                  direction.responderData(n - k),
                  COMPLETE,
                  CLEANUP_COMPLETE)));
      s.assertEveryBlockMovedOnce(chid);
    }
  }

  @ParameterizedTest
  @EnumSource(Direction.class)
  void theMonitorFailsAChannelThatMovesNoDataAfterItsRestarts(Direction direction)
      throws Exception {
    try (Scenario s = Scenario.of(direction).aliceMonitor(FAST).start()) {
      int k = s.dag.blocks() / 2;
      ChannelId chid = stalledAfter(s, k);

      s.alice.events.awaitEnd(chid);
      s.bob.events.awaitEnd(chid);

      List<EventCode> restartsAtAlice =
          times(2, List.of(NEW_VOUCHER_RESULT, RESTART, RESUME_RESPONDER));
      List<EventCode> restartsAtBob = times(2, List.of(NEW_VOUCHER_RESULT, RESTART));
      Scenario.assertFlow(
          "Alice",
          s.alice.events.codes(chid),
          List.of(
              seq(
                  s.aliceAccepted(),
                  direction.initiatorData(k),
                  restartsAtAlice,
                  ERROR,
                  CLEANUP_COMPLETE)));
      List<EventCode> bobBefore =
          seq(Scenario.bobAccepted(), direction.responderData(k), restartsAtBob);
      // Bob hears of the failure only through Alice's Cancel message, also in a push, where her
      // side serves the data: a data request its sender ends is reported to nobody (Go, §6.3)
      Scenario.assertFlow(
          "Bob", s.bob.events.codes(chid), List.of(seq(bobBefore, CANCEL, CLEANUP_COMPLETE)));
      assertThat(s.alice.manager.transferChannelStatus(chid)).isEqualTo(Status.FAILED);
      // Go counts the attempt that exceeded the maximum: 2 restarts ran, the 3rd was refused
      assertThat(s.alice.manager.channelState(chid).message())
          .isEqualTo(
              chid
                  + ": moved 0 bytes in the last 300ms (minimum 1 byte); "
                  + "after 3 consecutive restarts failed to transfer any data");
      assertThat(s.hub.deliveredCids(chid)).hasSize(k);
    }
  }

  @ParameterizedTest
  @EnumSource(Direction.class)
  void afterAProcessRestartTheMonitorRestartsTheStoredChannelByItself(Direction direction)
      throws Exception {
    try (Scenario s =
        Scenario.of(direction)
            .aliceMonitor(PATIENT)
            .aliceStore(() -> MvStoreChannelStore.open(dir, MvStoreChannelStore.Options.DEFAULT))
            .start()) {
      int n = s.dag.blocks();
      int k = n / 2;
      BlockGate gate = s.holdNextAfter(k);
      ChannelId chid = s.open("deal-9");
      gate.awaitHeld(EventLog.TIMEOUT);

      s.alice.restartProcess();
      s.introduce();
      gate.release();

      s.assertFlows(
          chid,
          s.initiatorEndings(
              seq(NEW_VOUCHER_RESULT, RESTART, RESUME_RESPONDER, direction.initiatorData(n - k))),
          List.of(
              seq(
                  Scenario.bobAccepted(),
                  direction.responderData(k),
                  direction.initiatorSends()
                      ? EventCode.RECEIVE_DATA_ERROR
                      : EventCode.SEND_DATA_ERROR,
                  NEW_VOUCHER_RESULT,
                  RESTART,
                  direction.responderData(n - k),
                  COMPLETE,
                  CLEANUP_COMPLETE)));
      s.assertEveryBlockMovedOnce(chid);
    }
  }
}
