package io.dt4j.core.manager;

import static io.dt4j.api.EventCode.BEGIN_FINALIZING;
import static io.dt4j.api.EventCode.CLEANUP_COMPLETE;
import static io.dt4j.api.EventCode.FINISH_TRANSFER;
import static io.dt4j.api.EventCode.NEW_VOUCHER;
import static io.dt4j.api.EventCode.NEW_VOUCHER_RESULT;
import static io.dt4j.api.EventCode.PAUSE_RESPONDER;
import static io.dt4j.api.EventCode.RESPONDER_BEGINS_FINALIZATION;
import static io.dt4j.api.EventCode.RESPONDER_COMPLETES;
import static io.dt4j.api.EventCode.RESUME_RESPONDER;
import static io.dt4j.core.manager.Direction.seq;
import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.ChannelId;
import io.dt4j.api.EventCode;
import io.dt4j.api.Status;
import io.dt4j.core.manager.TestVouchers.TestResult;
import io.dt4j.core.manager.TestVouchers.TestVoucher;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The finalization handshake (data-transfer.md §5.6), in both directions: the responder's
 * revalidator asks for a final voucher when the data has moved, the responder waits Finalizing, and
 * both sides complete once the initiator's voucher is accepted.
 */
class FinalizationIT {

  @ParameterizedTest
  @EnumSource(Direction.class)
  void bothSidesCompleteAfterTheFinalVoucher(Direction direction) throws Exception {
    try (Scenario s = Scenario.start(direction)) {
      s.bob.revalidator.finalVoucher();
      ChannelId chid = s.open("deal-16");
      s.alice.events.awaitStatus(chid, Status.RESPONDER_FINALIZING_TRANSFER_FINISHED);
      s.bob.events.awaitStatus(chid, Status.FINALIZING);
      assertThat(s.alice.manager.channelState(chid).lastVoucherResult())
          .contains(new TestResult("final payment", 1));

      Scenario.get(s.alice.manager.sendVoucher(chid, new TestVoucher("deal-16", 1)));

      int n = s.dag.blocks();
      List<EventCode> opened = s.aliceAccepted();
      List<EventCode> finalizing =
          List.of(NEW_VOUCHER_RESULT, RESPONDER_BEGINS_FINALIZATION, PAUSE_RESPONDER);
      List<EventCode> settled =
          List.of(NEW_VOUCHER, NEW_VOUCHER_RESULT, RESPONDER_COMPLETES, CLEANUP_COMPLETE);
      List<List<EventCode>> aliceFlows = new ArrayList<>();
      aliceFlows.add(seq(opened, direction.initiatorData(n), FINISH_TRANSFER, finalizing, settled));
      if (!direction.initiatorSends()) {
        // the responder's Complete (dt-net) may overtake the end of Alice's own data request
        aliceFlows.add(
            seq(opened, direction.initiatorData(n), finalizing, FINISH_TRANSFER, settled));
      }
      s.assertFlows(
          chid,
          aliceFlows,
          List.of(
              seq(
                  Scenario.bobAccepted(),
                  direction.responderData(n),
                  NEW_VOUCHER_RESULT,
                  BEGIN_FINALIZING,
                  NEW_VOUCHER,
                  NEW_VOUCHER_RESULT,
                  RESUME_RESPONDER,
                  CLEANUP_COMPLETE)));
      assertThat(s.alice.manager.transferChannelStatus(chid)).isEqualTo(Status.COMPLETED);
      assertThat(s.bob.manager.transferChannelStatus(chid)).isEqualTo(Status.COMPLETED);
      assertThat(s.alice.manager.channelState(chid).lastVoucherResult())
          .contains(new TestResult("paid", 1));
    }
  }
}
