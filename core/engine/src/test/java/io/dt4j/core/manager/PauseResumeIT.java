package io.dt4j.core.manager;

import static io.dt4j.api.EventCode.CLEANUP_COMPLETE;
import static io.dt4j.api.EventCode.COMPLETE;
import static io.dt4j.api.EventCode.NEW_VOUCHER;
import static io.dt4j.api.EventCode.NEW_VOUCHER_RESULT;
import static io.dt4j.api.EventCode.PAUSE_INITIATOR;
import static io.dt4j.api.EventCode.PAUSE_RESPONDER;
import static io.dt4j.api.EventCode.RESUME_INITIATOR;
import static io.dt4j.api.EventCode.RESUME_RESPONDER;
import static io.dt4j.core.manager.Direction.RECIPIENT_BLOCK;
import static io.dt4j.core.manager.Direction.SENDER_BLOCK;
import static io.dt4j.core.manager.Direction.seq;
import static io.dt4j.core.manager.Direction.times;
import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.ChannelId;
import io.dt4j.api.EventCode;
import io.dt4j.api.Status;
import io.dt4j.core.manager.TestVouchers.TestResult;
import io.dt4j.core.manager.TestVouchers.TestVoucher;
import io.dt4j.core.testing.BlockGate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pauses and resumptions in both directions (data-transfer.md §5.3, §5.5): a validator that accepts
 * paused, a revalidator that pauses mid-transfer until the initiator sends a voucher, and pauses by
 * the initiator, by the responder, and by both, at a known block.
 */
class PauseResumeIT {

  private static List<EventCode> bobEnd() {
    return List.of(COMPLETE, CLEANUP_COMPLETE);
  }

  @ParameterizedTest
  @EnumSource(Direction.class)
  void aRequestAcceptedPausedMovesNoDataUntilTheResponderResumes(Direction direction)
      throws Exception {
    try (Scenario s = Scenario.start(direction)) {
      ChannelId chid = s.open("paused-1");
      s.alice.events.awaitStatus(chid, Status.RESPONDER_PAUSED);
      s.bob.events.awaitStatus(chid, Status.RESPONDER_PAUSED);
      assertThat(s.hub.deliveredCids(chid)).isEmpty();

      Scenario.get(s.bob.manager.resumeDataTransferChannel(chid));

      int n = s.dag.blocks();
      s.assertFlows(
          chid,
          s.initiatorEndings(
              seq(s.aliceOpened(), PAUSE_RESPONDER, RESUME_RESPONDER, direction.initiatorData(n))),
          List.of(
              seq(
                  Scenario.bobAccepted(),
                  PAUSE_RESPONDER,
                  RESUME_RESPONDER,
                  direction.responderData(n),
                  bobEnd())));
      s.assertEveryBlockMovedOnce(chid);
    }
  }

  @ParameterizedTest
  @EnumSource(Direction.class)
  void aRevalidatorPausesMidTransferUntilTheInitiatorSendsAVoucher(Direction direction)
      throws Exception {
    try (Scenario s = Scenario.start(direction)) {
      long free = 600;
      s.bob.revalidator.payEvery(free);
      int k = s.dag.blocksToExceed(free);
      int n = s.dag.blocks();
      ChannelId chid = s.open("deal-2");
      s.alice.events.awaitStatus(chid, Status.RESPONDER_PAUSED);
      assertThat(s.hub.deliveredCids(chid)).hasSize(k);
      assertThat(s.alice.manager.channelState(chid).lastVoucherResult())
          .hasValueSatisfying(
              r -> assertThat(((TestResult) r).message()).isEqualTo("payment owed"));

      Scenario.get(s.alice.manager.sendVoucher(chid, new TestVoucher("deal-2", s.dag.bytes())));

      List<EventCode> bobFlow = new ArrayList<>(Scenario.bobAccepted());
      if (direction.initiatorSends()) {
        bobFlow.addAll(times(k, RECIPIENT_BLOCK));
        bobFlow.addAll(List.of(NEW_VOUCHER_RESULT, PAUSE_RESPONDER));
      } else {
        // the pause is decided when block k is queued, and travels with it (§5.5)
        bobFlow.addAll(times(k - 1, SENDER_BLOCK));
        bobFlow.addAll(
            List.of(
                EventCode.DATA_QUEUED_PROGRESS,
                EventCode.DATA_QUEUED,
                NEW_VOUCHER_RESULT,
                PAUSE_RESPONDER,
                EventCode.DATA_SENT_PROGRESS,
                EventCode.DATA_SENT));
      }
      bobFlow.addAll(
          seq(
              NEW_VOUCHER,
              NEW_VOUCHER_RESULT,
              RESUME_RESPONDER,
              direction.responderData(n - k),
              bobEnd()));
      s.assertFlows(
          chid,
          s.initiatorEndings(
              seq(
                  s.aliceOpened(),
                  RESUME_RESPONDER,
                  direction.initiatorData(k),
                  NEW_VOUCHER_RESULT,
                  PAUSE_RESPONDER,
                  NEW_VOUCHER,
                  NEW_VOUCHER_RESULT,
                  RESUME_RESPONDER,
                  direction.initiatorData(n - k))),
          List.of(bobFlow));
      s.assertEveryBlockMovedOnce(chid);
      assertThat(s.alice.manager.channelState(chid).lastVoucherResult())
          .contains(new TestResult("paid", 600 + s.dag.bytes()));
    }
  }

  /** Who pauses and resumes the channel. */
  enum Pauser {
    INITIATOR,
    RESPONDER,
    BOTH
  }

  static Stream<Arguments> pausers() {
    return Stream.of(Direction.values())
        .flatMap(d -> Stream.of(Pauser.values()).map(p -> Arguments.of(d, p)));
  }

  @ParameterizedTest(name = "{0} paused by {1}")
  @MethodSource("pausers")
  void aPausedChannelMovesNoDataUntilResumed(Direction direction, Pauser pauser) throws Exception {
    try (Scenario s = Scenario.start(direction)) {
      int n = s.dag.blocks();
      int k = n / 2;
      BlockGate gate = s.holdNextAfter(k);
      ChannelId chid = s.open("deal-3");
      gate.awaitHeld(EventLog.TIMEOUT);

      List<EventCode> pauses = new ArrayList<>();
      if (pauser != Pauser.RESPONDER) {
        Scenario.get(s.alice.manager.pauseDataTransferChannel(chid));
        s.bob.events.awaitStatus(chid, Status.INITIATOR_PAUSED);
        pauses.add(PAUSE_INITIATOR);
      }
      if (pauser != Pauser.INITIATOR) {
        Scenario.get(s.bob.manager.pauseDataTransferChannel(chid));
        s.alice.events.awaitEvent(chid, PAUSE_RESPONDER);
        pauses.add(PAUSE_RESPONDER);
      }
      gate.release();
      if (pauser == Pauser.BOTH) {
        // the initiator resumes first: the responder's pause still holds the data
        Scenario.get(s.alice.manager.resumeDataTransferChannel(chid));
        s.bob.events.awaitEvent(chid, RESUME_INITIATOR);
        pauses.add(RESUME_INITIATOR);
      }
      assertThat(s.hub.deliveredCids(chid)).hasSize(k);
      if (pauser == Pauser.INITIATOR) {
        Scenario.get(s.alice.manager.resumeDataTransferChannel(chid));
        pauses.add(RESUME_INITIATOR);
      } else {
        Scenario.get(s.bob.manager.resumeDataTransferChannel(chid));
        pauses.add(RESUME_RESPONDER);
      }

      s.assertFlows(
          chid,
          s.initiatorEndings(
              seq(
                  s.aliceOpened(),
                  RESUME_RESPONDER,
                  direction.initiatorData(k),
                  pauses,
                  direction.initiatorData(n - k))),
          List.of(
              seq(
                  Scenario.bobAccepted(),
                  direction.responderData(k),
                  pauses,
                  direction.responderData(n - k),
                  bobEnd())));
      s.assertEveryBlockMovedOnce(chid);
    }
  }
}
