package io.dt4j.core.manager;

import static io.dt4j.api.EventCode.RECEIVE_DATA_ERROR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.api.ChannelId;
import io.dt4j.api.Status;
import io.dt4j.core.testing.BlockGate;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A responder that speaks only {@code /fil/datatransfer/1.0.0}, as go-data-transfer before v1.1:
 * transfers work in both directions with the 1.0 encoding on dt-net (data-transfer.md §1.4), and a
 * restart, which 1.0 cannot express, fails with the spec's reason.
 */
class ProtocolTenIT {

  @ParameterizedTest
  @EnumSource(Direction.class)
  void aTransferWithA10PeerRunsToCompletion(Direction direction) throws Exception {
    try (Scenario s = Scenario.of(direction).bobSpeaksOnly10().start()) {
      ChannelId chid = s.open("deal-10");

      s.assertCompleted(chid);
    }
  }

  @Test
  void restartingAPushWithA10PeerFailsBecause10HasNoRestartMessage() throws Exception {
    try (Scenario s = Scenario.of(Direction.PUSH).bobSpeaksOnly10().start()) {
      int k = s.dag.blocks() / 2;
      BlockGate gate = s.holdNextAfter(k);
      ChannelId chid = s.open("deal-11");
      gate.awaitHeld(EventLog.TIMEOUT);
      s.hub.disconnect(s.alice.peerId(), s.bob.peerId());
      s.bob.events.awaitEvent(chid, RECEIVE_DATA_ERROR);
      gate.release();
      s.hub.reconnect(s.alice.peerId(), s.bob.peerId());

      assertThatThrownBy(
              () ->
                  s.alice
                      .manager
                      .restartDataTransferChannel(chid)
                      .toCompletableFuture()
                      .get(EventLog.TIMEOUT.toSeconds(), TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .hasMessageStartingWith("Unable to send restart request: restart not supported on 1.0");
      assertThat(s.alice.manager.transferChannelStatus(chid)).isEqualTo(Status.ONGOING);
      assertThat(s.hub.deliveredCids(chid)).hasSize(k);
    }
  }
}
