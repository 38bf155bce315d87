package io.dt4j.core.testing;

import static io.dt4j.core.testing.RecordingHandler.PATIENCE;
import static io.dt4j.core.testing.TwoNodes.ALICE;
import static io.dt4j.core.testing.TwoNodes.BOB;
import static io.dt4j.core.testing.TwoNodes.join;
import static io.dt4j.core.testing.TwoNodes.pullChannel;
import static io.dt4j.core.testing.TwoNodes.waiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.api.ChannelId;
import io.dt4j.api.DisconnectedException;
import io.dt4j.api.HandlerNotSetException;
import io.dt4j.api.MessageType;
import io.dt4j.api.PauseableTransport;
import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.Selectors;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Fault injection and observation on the loopback hub: what scenario tests break and count. */
class LoopbackTransportHubFaultsTest extends TwoNodeScenarios {
  @Test
  void aDisconnectReportsNetworkErrorsStopsTheDataAndRefusesOpensUntilReconnected()
      throws Exception {
    ChannelId chid = pullChannel(1);
    BlockGate gate = nodes.openAcceptedPullHeldAfter(chid, 20);

    nodes.hub.disconnect(ALICE, BOB);
    RecordingHandler.Call sendError = nodes.bobHandler.awaitCall("onSendDataError");
    RecordingHandler.Call receiveError = nodes.aliceHandler.awaitCall("onReceiveDataError");
    gate.release();

    assertThat((String) sendError.argument()).startsWith("stream reset");
    assertThat(receiveError.argument()).isEqualTo(sendError.argument());
    assertThat(nodes.hub.openRequests()).isZero();
    nodes.assertStaysAt(chid, 20);
    Set<Cid> received = Set.copyOf(nodes.aliceHandler.cids("onDataReceived"));
    assertThatThrownBy(
            () -> join(nodes.open(chid, received, nodes.pullRequest(MessageType.RESTART, chid))))
        .hasCauseInstanceOf(DisconnectedException.class);

    nodes.hub.reconnect(BOB, ALICE);
    join(nodes.open(chid, received, nodes.pullRequest(MessageType.RESTART, chid)));
    nodes.aliceHandler.awaitCall("onChannelCompleted");

    assertThat(nodes.hub.deliveredCids(chid))
        .doesNotHaveDuplicates()
        .containsExactlyElementsOf(DAG.order());
    assertThat(nodes.aliceHandler.hooks()).doesNotContain("onChannelFailed", "onRequestCancelled");
  }

  @Test
  void attachingANodeAgainActsLikeAProcessRestart() throws Exception {
    ChannelId chid = pullChannel(2);
    BlockGate gate = nodes.openAcceptedPullHeldAfter(chid, 10);
    int oldHandlerCalls = nodes.aliceHandler.calls().size();

    PauseableTransport restarted = nodes.hub.attach(ALICE, nodes.aliceStore);
    nodes.bobHandler.awaitCall("onSendDataError");
    gate.release();

    nodes.assertStaysAt(chid, 10);
    assertThat(nodes.aliceHandler.calls())
        .as("the old handler hears nothing")
        .hasSize(oldHandlerCalls);
    Set<Cid> received = Set.copyOf(nodes.aliceHandler.cids("onDataReceived"));
    assertThatThrownBy(
            () -> join(nodes.open(chid, received, nodes.pullRequest(MessageType.RESTART, chid))))
        .hasCauseInstanceOf(TransportClosedException.class);
    assertThatThrownBy(() -> join(restarted.pauseChannel(chid)))
        .hasCauseInstanceOf(HandlerNotSetException.class);

    RecordingHandler fresh = new RecordingHandler(ALICE, nodes.journal);
    restarted.setEventHandler(fresh);
    join(
        restarted.openChannel(
            BOB,
            chid,
            DAG.root(),
            Selectors.EXPLORE_ALL,
            received,
            nodes.pullRequest(MessageType.RESTART, chid)));
    fresh.awaitCall("onChannelCompleted");
    assertThat(nodes.hub.deliveredCids(chid)).containsExactlyElementsOf(DAG.order());
  }

  @Test
  void aGateHoldsTheDataAfterTheGivenBlocksUntilReleased() throws Exception {
    ChannelId chid = pullChannel(3);
    BlockGate gate = nodes.hub.holdAfter(chid, 7);
    nodes.openAcceptedPull(chid);

    gate.awaitHeld(PATIENCE);
    nodes.assertStaysAt(chid, 7);
    assertThat(gate.wasHeld()).isTrue();
    assertThat(nodes.aliceHandler.cids("onDataReceived")).hasSize(7);

    gate.release();
    nodes.aliceHandler.awaitCall("onChannelCompleted");
    assertThat(nodes.hub.blocksOnWire(chid)).isEqualTo(DAG.order().size());
  }

  @Test
  void waitingAtAGateTheDataNeverReachesTimesOut() {
    BlockGate gate = nodes.hub.holdAfter(pullChannel(4), 1);

    assertThatThrownBy(() -> gate.awaitHeld(Duration.ofMillis(20)))
        .isInstanceOf(TimeoutException.class)
        .hasMessageContaining("did not reach the gate after 1 blocks");
    assertThat(gate.wasHeld()).isFalse();
  }

  @Test
  void aBlockThatDoesNotMatchItsCidIsNeverStoredAndFailsTheRequest() throws Exception {
    TestDag damaged = DAG.copy();
    Cid victim = damaged.leaves().get(10);
    damaged.store().delete(victim);
    damaged.store().put(new Block(victim, "not the data".getBytes(StandardCharsets.UTF_8)));
    try (TwoNodes corrupt = new TwoNodes(damaged)) {
      ChannelId chid = pullChannel(5);
      corrupt.openAcceptedPull(chid);

      RecordingHandler.Call failed = corrupt.aliceHandler.awaitCall("onChannelFailed");

      assertThat((String) failed.argument())
          .startsWith("graphsync request failed to complete: block data does not match its CID")
          .contains(victim.toString());
      assertThat(corrupt.aliceStore.has(victim)).isFalse();
      assertThat(corrupt.hub.deliveredCids(chid)).doesNotContain(victim);
      assertThat(corrupt.bobHandler.cids("onDataQueued")).last().isEqualTo(victim);
      assertThat(corrupt.bobHandler.cids("onDataSent")).doesNotContain(victim);
      assertThat(corrupt.bobHandler.hooks())
          .doesNotContain("onChannelFailed", "onChannelCompleted");
    }
  }

  @Test
  void aBlockMissingAtTheSenderFailsBothSides() throws Exception {
    TestDag damaged = DAG.copy();
    Cid victim = damaged.leaves().get(10);
    damaged.store().delete(victim);
    try (TwoNodes missing = new TwoNodes(damaged)) {
      ChannelId chid = pullChannel(6);
      missing.openAcceptedPull(chid);

      RecordingHandler.Call failed = missing.aliceHandler.awaitCall("onChannelFailed");

      assertThat((String) failed.argument())
          .startsWith("graphsync request failed to complete: content not found: block " + victim);
      assertThat(missing.bobHandler.arguments("onChannelFailed"))
          .containsExactly(
              "graphsync response to peer "
                  + ALICE
                  + " did not complete: response status code RequestFailedContentNotFound");
      assertThat(missing.hub.deliveredCids(chid))
          .containsExactlyElementsOf(damaged.order().subList(0, damaged.order().indexOf(victim)));
    }
  }

  @Test
  void aStalledChannelMovesNoDataAndTellsNobodyUntilUnstalled() throws Exception {
    ChannelId chid = pullChannel(7);
    nodes.hub.stall(chid);
    nodes.openAcceptedPull(chid);

    nodes.aliceHandler.awaitCall("onResponseReceived");
    nodes.assertStaysAt(chid, 0);
    assertThat(nodes.journalLines())
        .containsExactly(
            "alice onChannelOpened",
            "bob onTransferQueued",
            "bob onRequestReceived",
            "alice onResponseReceived");

    nodes.hub.unstall(chid);
    nodes.aliceHandler.awaitCall("onChannelCompleted");
    assertThat(nodes.hub.deliveredCids(chid)).containsExactlyElementsOf(DAG.order());
  }

  @Test
  void cleaningAChannelUpSilencesThatSideOnly() throws Exception {
    ChannelId chid = pullChannel(8);
    BlockGate gate = nodes.openAcceptedPullHeldAfter(chid, 5);

    nodes.bob.cleanupChannel(chid);
    int bobCalls = nodes.bobHandler.calls().size();
    gate.release();
    nodes.aliceHandler.awaitCall("onChannelCompleted");

    assertThat(nodes.bobHandler.calls()).hasSize(bobCalls);
    assertThat(nodes.hub.deliveredCids(chid)).containsExactlyElementsOf(DAG.order());
  }

  @Test
  void shuttingTheSenderDownCancelsItsResponses() throws Exception {
    ChannelId chid = pullChannel(9);
    BlockGate gate = nodes.openAcceptedPullHeldAfter(chid, 5);
    int bobCalls = nodes.bobHandler.calls().size();

    join(nodes.bob.shutdown());
    RecordingHandler.Call failed = nodes.aliceHandler.awaitCall("onChannelFailed");
    gate.release();

    assertThat((String) failed.argument()).contains("cancelled");
    assertThat(nodes.bobHandler.calls()).hasSize(bobCalls);
    assertThat(nodes.hub.openRequests()).isZero();
    assertThatThrownBy(() -> join(nodes.bob.pauseChannel(chid)))
        .hasCauseInstanceOf(TransportClosedException.class);
    assertThatThrownBy(
            () -> join(nodes.open(chid, Set.of(), nodes.pullRequest(MessageType.RESTART, chid))))
        .hasCauseInstanceOf(DisconnectedException.class);
  }

  @Test
  void shuttingTheRecipientDownCancelsItsRequestsSilently() throws Exception {
    ChannelId chid = pullChannel(10);
    BlockGate gate = nodes.openAcceptedPullHeldAfter(chid, 5);
    int calls = nodes.journal.size();

    join(nodes.alice.shutdown());
    gate.release();

    waiting().until(() -> nodes.hub.openRequests() == 0);
    nodes.assertStaysAt(chid, 5);
    assertThat(nodes.journal).hasSize(calls);
  }

  @Test
  void aSlowPumpStillDeliversEveryBlock() throws Exception {
    TestDag small = TestDag.of(8);
    try (TwoNodes slow = new TwoNodes(small)) {
      ChannelId chid = pullChannel(11);
      slow.hub.setBlockDelay(Duration.ofMillis(5));
      slow.openAcceptedPull(chid);

      slow.aliceHandler.awaitCall("onChannelCompleted");
      assertThat(slow.hub.deliveredCids(chid)).containsExactlyElementsOf(small.order());
    }
  }

  @Test
  void closingTheHubEndsEverythingAndRefusesMore() throws Exception {
    ChannelId chid = pullChannel(12);
    BlockGate gate = nodes.openAcceptedPullHeldAfter(chid, 5);

    nodes.hub.close();

    assertThat(nodes.hub.openRequests()).isZero();
    assertThatThrownBy(() -> join(nodes.alice.closeChannel(chid)))
        .hasCauseInstanceOf(TransportClosedException.class);
    assertThatThrownBy(() -> nodes.hub.attach(TwoNodes.peer("carol"), new InMemoryBlockstore()))
        .isInstanceOf(IllegalStateException.class);
  }
}
