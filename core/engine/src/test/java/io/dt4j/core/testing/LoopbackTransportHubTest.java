package io.dt4j.core.testing;

import static io.dt4j.core.testing.RecordingHandler.failAt;
import static io.dt4j.core.testing.TwoNodes.ALICE;
import static io.dt4j.core.testing.TwoNodes.BOB;
import static io.dt4j.core.testing.TwoNodes.join;
import static io.dt4j.core.testing.TwoNodes.pullChannel;
import static io.dt4j.core.testing.TwoNodes.pushChannel;
import static io.dt4j.core.testing.TwoNodes.response;
import static io.dt4j.core.testing.TwoNodes.update;
import static io.dt4j.core.testing.TwoNodes.waiting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.dt4j.api.ChannelId;
import io.dt4j.api.ChannelNotFoundException;
import io.dt4j.api.DataTransferException;
import io.dt4j.api.HandlerAlreadySetException;
import io.dt4j.api.HandlerNotSetException;
import io.dt4j.api.MessageType;
import io.dt4j.api.PauseableTransport;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TransferResponse;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.Selectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The loopback transport's flows, as the manager sees them (data-transfer.md §5, §6.3, §6.4). */
class LoopbackTransportHubTest extends TwoNodeScenarios {
  @Test
  void pullDeliversTheRequestItsReplyAndEveryBlockInTraversalOrder() throws Exception {
    ChannelId chid = pullChannel(1);
    TransferRequest request = nodes.pullRequest(MessageType.NEW, chid);
    TransferResponse accept = response(MessageType.NEW, chid, true, false);
    nodes.bobHandler.replyWith(accept);

    join(nodes.open(chid, Set.of(), request));
    nodes.aliceHandler.awaitCall("onChannelCompleted");

    List<String> expected =
        new ArrayList<>(
            List.of(
                "alice onChannelOpened",
                "bob onTransferQueued",
                "bob onRequestReceived",
                "alice onResponseReceived"));
    for (int i = 0; i < DAG.order().size(); i++) {
      expected.addAll(List.of("bob onDataQueued", "bob onDataSent", "alice onDataReceived"));
    }
    expected.addAll(List.of("bob onChannelCompleted", "alice onChannelCompleted"));
    assertThat(nodes.journalLines()).containsExactlyElementsOf(expected);
    assertThat(nodes.bobHandler.arguments("onRequestReceived")).containsExactly(request);
    assertThat(nodes.aliceHandler.arguments("onResponseReceived")).containsExactly(accept);
    assertThat(nodes.bobHandler.cids("onDataQueued")).containsExactlyElementsOf(DAG.order());
    assertThat(nodes.aliceHandler.cids("onDataReceived")).containsExactlyElementsOf(DAG.order());
    assertThat(nodes.hub.deliveredCids(chid)).containsExactlyElementsOf(DAG.order());
    assertThat(nodes.hub.blocksOnWire(chid)).isEqualTo(DAG.order().size());
    assertThat(DAG.order()).allMatch(nodes.aliceStore::has);
    assertThat(nodes.aliceHandler.arguments("onChannelCompleted")).containsExactly(true);
    assertThat(nodes.bobHandler.arguments("onChannelCompleted")).containsExactly(true);
    assertThat(nodes.hub.openRequests()).isZero();
  }

  @Test
  void pushOpenCarriesTheAcceptingResponseToTheSenderThenMovesTheData() throws Exception {
    ChannelId chid = pushChannel(2);
    TransferResponse accept = response(MessageType.NEW, chid, true, false);

    join(nodes.open(chid, Set.of(), accept));
    nodes.aliceHandler.awaitCall("onChannelCompleted");

    assertThat(nodes.journalLines())
        .startsWith(
            "alice onChannelOpened",
            "bob onTransferQueued",
            "bob onResponseReceived",
            "bob onDataQueued")
        .endsWith("bob onChannelCompleted", "alice onChannelCompleted");
    assertThat(nodes.bobHandler.arguments("onResponseReceived")).containsExactly(accept);
    assertThat(nodes.aliceHandler.calls("onResponseReceived")).isEmpty();
    assertThat(nodes.hub.deliveredCids(chid)).containsExactlyElementsOf(DAG.order());
  }

  @Test
  void blocksTheRecipientAlreadyHasAreNeitherSentNorCounted() throws Exception {
    ChannelId chid = pullChannel(3);
    Set<Cid> had = Set.copyOf(DAG.leaves().subList(0, 100));
    nodes.bobHandler.replyWith(response(MessageType.RESTART, chid, true, false));

    join(nodes.open(chid, had, nodes.pullRequest(MessageType.RESTART, chid)));
    nodes.aliceHandler.awaitCall("onChannelCompleted");

    List<Cid> sent = DAG.order().stream().filter(cid -> !had.contains(cid)).toList();
    assertThat(nodes.bobHandler.cids("onDataQueued")).containsExactlyElementsOf(sent);
    assertThat(nodes.bobHandler.cids("onDataSent")).containsExactlyElementsOf(sent);
    assertThat(nodes.aliceHandler.cids("onDataReceived")).containsExactlyElementsOf(sent);
    assertThat(nodes.hub.blocksOnWire(chid)).isEqualTo(sent.size());
    assertThat(had).noneMatch(nodes.aliceStore::has);
    assertThat(nodes.bobHandler.hooks())
        .as("a restart is not a new transfer")
        .doesNotContain("onTransferQueued");
  }

  @Test
  void aRequesterHandlerErrorFailsOnlyTheRequestersSide() throws Exception {
    ChannelId chid = pullChannel(9);
    nodes.aliceHandler.react("onDataReceived", failAt(3, new DataTransferException("disk full")));
    nodes.openAcceptedPull(chid);

    RecordingHandler.Call failed = nodes.aliceHandler.awaitCall("onChannelFailed");

    assertThat(failed.argument()).isEqualTo("graphsync request failed to complete: disk full");
    assertThat(nodes.aliceHandler.hooks()).endsWith("onDataReceived", "onChannelFailed");
    assertThat(nodes.hub.blocksOnWire(chid)).isEqualTo(3);
    assertThat(nodes.bobHandler.hooks()).doesNotContain("onChannelCompleted", "onChannelFailed");
    assertThat(nodes.hub.openRequests()).isZero();
  }

  @Test
  void aSenderHandlerThatThrowsABugFailsBothSidesAndThePumpGoesOn() throws Exception {
    ChannelId chid = pullChannel(10);
    nodes.bobHandler.react("onDataQueued", failAt(4, new IllegalStateException("bug")));
    nodes.openAcceptedPull(chid);

    RecordingHandler.Call failed = nodes.aliceHandler.awaitCall("onChannelFailed");

    assertThat((String) failed.argument())
        .isEqualTo(
            "graphsync request failed to complete: onDataQueued threw"
                + " java.lang.IllegalStateException: bug");
    assertThat(nodes.bobHandler.arguments("onChannelFailed"))
        .containsExactly(
            "graphsync response to peer "
                + ALICE
                + " did not complete: response status code RequestFailedUnknown");
    assertThat(nodes.hub.blocksOnWire(chid)).isEqualTo(3);

    ChannelId next = pullChannel(11);
    nodes.openAcceptedPull(next);
    waiting().until(() -> nodes.aliceHandler.calls("onChannelCompleted").size() == 1);
    assertThat(nodes.hub.deliveredCids(next)).containsExactlyElementsOf(DAG.order());
  }

  @Test
  void aRejectionIsDeliveredThenTheRequestFails() throws Exception {
    ChannelId chid = pullChannel(12);
    TransferResponse reject = response(MessageType.NEW, chid, false, false);
    nodes.bobHandler.replyWith(reject);

    join(nodes.open(chid, Set.of(), nodes.pullRequest(MessageType.NEW, chid)));
    nodes.aliceHandler.awaitCall("onChannelFailed");

    assertThat(nodes.aliceHandler.hooks())
        .containsExactly("onChannelOpened", "onResponseReceived", "onChannelFailed");
    assertThat(nodes.aliceHandler.arguments("onResponseReceived")).containsExactly(reject);
    assertThat(nodes.aliceHandler.arguments("onChannelFailed"))
        .containsExactly("graphsync request failed to complete: response rejected");
    assertThat(nodes.bobHandler.hooks())
        .containsExactly("onTransferQueued", "onRequestReceived", "onChannelFailed");
    assertThat(nodes.hub.blocksOnWire(chid)).isZero();
  }

  @Test
  void aSenderErrorOnTheRequestEndsItWithThatReason() throws Exception {
    ChannelId chid = pullChannel(13);
    nodes.bobHandler.react(
        "onRequestReceived", failAt(1, new DataTransferException("unknown voucher type: x")));

    join(nodes.open(chid, Set.of(), nodes.pullRequest(MessageType.NEW, chid)));
    nodes.aliceHandler.awaitCall("onChannelFailed");

    assertThat(nodes.aliceHandler.hooks()).containsExactly("onChannelOpened", "onChannelFailed");
    assertThat(nodes.aliceHandler.arguments("onChannelFailed"))
        .containsExactly("graphsync request failed to complete: unknown voucher type: x");
    assertThat(nodes.hub.blocksOnWire(chid)).isZero();
  }

  @Test
  void aBlockTheTraversalReachesAgainIsSentOnlyOnce() throws Exception {
    TestDag repeating = TestDag.repeating(40);
    try (TwoNodes same = new TwoNodes(repeating)) {
      ChannelId chid = pullChannel(22);
      same.openAcceptedPull(chid);
      same.aliceHandler.awaitCall("onChannelCompleted");

      assertThat(repeating.order()).as("root, two distinct inner nodes, one leaf").hasSize(4);
      assertThat(same.hub.deliveredCids(chid)).containsExactlyElementsOf(repeating.order());
      assertThat(same.bobHandler.cids("onDataQueued")).containsExactlyElementsOf(repeating.order());
    }
  }

  @Test
  void closingOnTheRequesterSideCancelsTheRequestAndTellsOnlyTheRequester() throws Exception {
    ChannelId chid = pullChannel(16);
    BlockGate gate = nodes.openAcceptedPullHeldAfter(chid, 5);

    join(nodes.alice.closeChannel(chid));
    RecordingHandler.Call cancelled = nodes.aliceHandler.awaitCall("onRequestCancelled");
    gate.release();

    assertThat(cancelled.argument()).isEqualTo("graphsync request cancelled");
    nodes.assertStaysAt(chid, 5);
    assertThat(nodes.hub.openRequests()).isZero();
    assertThat(nodes.bobHandler.hooks()).last().isEqualTo("onDataSent");
  }

  @Test
  void closingOnTheResponderSideEndsTheRequestAndTellsNobody() throws Exception {
    ChannelId chid = pullChannel(17);
    BlockGate gate = nodes.openAcceptedPullHeldAfter(chid, 5);

    join(nodes.bob.closeChannel(chid));
    await().atMost(RecordingHandler.PATIENCE).until(() -> nodes.hub.openRequests() == 0);
    gate.release();
    nodes.assertStaysAt(chid, 5);
    // a new request runs its open on the channel's lane after the ended request's report, so
    // whatever the first request reported comes before Alice's second onChannelOpened
    nodes.hub.holdAfter(chid, 5);
    join(nodes.open(chid, Set.of(), nodes.pullRequest(MessageType.RESTART, chid)));

    // Go (§6.3): a request the remote cancelled finishes with nothing for the requester; the
    // responder's completed-response listener ignores the cancelled status
    List<String> ends = List.of("onChannelFailed", "onRequestCancelled", "onChannelCompleted");
    assertThat(nodes.aliceHandler.hooks()).doesNotContainAnyElementsOf(ends);
    assertThat(nodes.aliceHandler.hooks()).filteredOn("onChannelOpened"::equals).hasSize(2);
    assertThat(nodes.bobHandler.hooks()).doesNotContainAnyElementsOf(ends);
  }

  @Test
  void closingAnUnknownChannelDoesNothingButPausingOrResumingItFails() throws Exception {
    ChannelId chid = pullChannel(18);

    join(nodes.alice.closeChannel(chid));
    join(nodes.bob.closeChannel(chid));

    assertThatThrownBy(() -> join(nodes.alice.pauseChannel(chid)))
        .hasCauseInstanceOf(ChannelNotFoundException.class);
    assertThatThrownBy(() -> join(nodes.bob.resumeChannel(update(chid, false), chid)))
        .hasCauseInstanceOf(ChannelNotFoundException.class);
    assertThat(nodes.journal).isEmpty();
  }

  @Test
  void anOpenTheRequesterDoesNotKnowSendsNothing() {
    ChannelId chid = pullChannel(19);
    nodes.aliceHandler.react("onChannelOpened", failAt(1, new ChannelNotFoundException(chid)));

    assertThatThrownBy(
            () -> join(nodes.open(chid, Set.of(), nodes.pullRequest(MessageType.NEW, chid))))
        .hasCauseInstanceOf(ChannelNotFoundException.class);
    assertThat(nodes.bobHandler.calls()).isEmpty();
    assertThat(nodes.hub.openRequests()).isZero();
  }

  @Test
  void openingAChannelAgainCancelsItsRequestFirst() throws Exception {
    ChannelId chid = pullChannel(20);
    BlockGate gate = nodes.openAcceptedPullHeldAfter(chid, 5);

    Set<Cid> received = Set.copyOf(nodes.aliceHandler.cids("onDataReceived"));
    join(nodes.open(chid, received, nodes.pullRequest(MessageType.RESTART, chid)));
    gate.release();
    nodes.aliceHandler.awaitCall("onChannelCompleted");

    List<String> aliceHooks = nodes.aliceHandler.hooks();
    assertThat(aliceHooks.subList(7, 10))
        .containsExactly("onRequestCancelled", "onChannelOpened", "onResponseReceived");
    assertThat(nodes.hub.deliveredCids(chid)).containsExactlyElementsOf(DAG.order());
  }

  @Test
  void aTransportNeedsItsHandlerBeforeUseAndTakesOnlyOne() throws Exception {
    PauseableTransport carol = nodes.hub.attach(TwoNodes.peer("carol"), new InMemoryBlockstore());
    ChannelId chid = new ChannelId(TwoNodes.peer("carol"), BOB, pullChannel(21).id());

    assertThatThrownBy(
            () ->
                join(
                    carol.openChannel(
                        BOB,
                        chid,
                        DAG.root(),
                        Selectors.EXPLORE_ALL,
                        Set.of(),
                        update(chid, false))))
        .hasCauseInstanceOf(HandlerNotSetException.class);
    assertThatThrownBy(() -> join(carol.pauseChannel(chid)))
        .hasCauseInstanceOf(HandlerNotSetException.class);

    carol.setEventHandler(new RecordingHandler(TwoNodes.peer("carol"), nodes.journal));
    assertThatThrownBy(() -> carol.setEventHandler(nodes.aliceHandler))
        .isInstanceOf(HandlerAlreadySetException.class)
        .hasMessage("already set event handler");
  }
}
