package io.dt4j.core.manager;

import static io.dt4j.api.EventCode.CANCEL;
import static io.dt4j.api.EventCode.CLEANUP_COMPLETE;
import static io.dt4j.core.manager.Direction.seq;
import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.ChannelId;
import io.dt4j.api.EventCode;
import io.dt4j.api.Status;
import io.dt4j.core.testing.BlockGate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cancelling a running channel from either side, in both directions (data-transfer.md §5.4): both
 * sides end Cancelled, no more data moves, and the peer's transport is not left running.
 */
class CancelIT {

  static Stream<Arguments> cancellers() {
    return Stream.of(Direction.values())
        .flatMap(d -> Stream.of(Arguments.of(d, "initiator"), Arguments.of(d, "responder")));
  }

  /**
   * The end of a side's flow: Cancel (Go: the cancel message, §5.4). When the other side serves the
   * data and cancels, the loopback hub also reports the end of the data request to this side as a
   * failure (graphsync over Go reports nothing for a remote cancel, §6.3), which can win the race
   * with the cancel message: then this side fails instead.
   */
  private static List<List<EventCode>> endings(List<EventCode> flow, boolean requestEndsRemotely) {
    List<EventCode> cancelled = seq(flow, CANCEL, CLEANUP_COMPLETE);
    return requestEndsRemotely
        ? List.of(cancelled, seq(flow, EventCode.ERROR, CLEANUP_COMPLETE))
        : List.of(cancelled);
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

      List<EventCode> aliceFlow = seq(s.aliceAccepted(), direction.initiatorData(k));
      List<EventCode> bobFlow = seq(Scenario.bobAccepted(), direction.responderData(k));
      boolean senderCancels = direction.initiatorSends() == who.equals("initiator");
      s.assertFlows(
          chid,
          endings(aliceFlow, senderCancels && !direction.initiatorSends()),
          endings(bobFlow, senderCancels && direction.initiatorSends()));
      assertThat(s.canceller(who).manager.transferChannelStatus(chid)).isEqualTo(Status.CANCELLED);
      assertThat(s.hub.deliveredCids(chid)).hasSize(k);
    }
  }
}
