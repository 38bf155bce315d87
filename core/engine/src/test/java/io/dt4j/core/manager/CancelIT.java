package io.dt4j.core.manager;

import static io.dt4j.api.EventCode.CANCEL;
import static io.dt4j.api.EventCode.CLEANUP_COMPLETE;
import static io.dt4j.core.manager.Direction.seq;
import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.ChannelId;
import io.dt4j.api.Status;
import io.dt4j.core.testing.BlockGate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cancelling a running channel from either side, in both directions (data-transfer.md §5.4): both
 * sides end Cancelled, the other side through the Cancel message, no more data moves, and the
 * peer's transport is not left running.
 */
class CancelIT {

  static Stream<Arguments> cancellers() {
    return Stream.of(Direction.values())
        .flatMap(d -> Stream.of(Arguments.of(d, "initiator"), Arguments.of(d, "responder")));
  }

  @ParameterizedTest(name = "{0} cancelled by the {1}")
  @MethodSource("cancellers")
  void aChannelCancelledMidTransferEndsCancelledOnBothSides(Direction direction, String who)
      throws Exception {
    try (Scenario s = Scenario.start(direction)) {
      int k = s.dag.blocks() / 2;
      BlockGate gate = s.holdNextAfter(k);
      ChannelId chid = s.open("deal-4");
      gate.awaitHeld(EventLog.TIMEOUT);

      Scenario.get(s.canceller(who).manager.closeDataTransferChannel(chid));
      gate.release();

      // the other side hears the cancel only through the dt-net Cancel message: the data sender
      // closing its side ends the data request without a transport event (Go, §6.3)
      s.assertFlows(
          chid,
          List.of(seq(s.aliceAccepted(), direction.initiatorData(k), CANCEL, CLEANUP_COMPLETE)),
          List.of(
              seq(Scenario.bobAccepted(), direction.responderData(k), CANCEL, CLEANUP_COMPLETE)));
      assertThat(s.canceller(who).manager.transferChannelStatus(chid)).isEqualTo(Status.CANCELLED);
      assertThat(s.hub.deliveredCids(chid)).hasSize(k);
    }
  }
}
