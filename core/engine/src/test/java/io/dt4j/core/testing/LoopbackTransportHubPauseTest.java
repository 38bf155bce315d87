package io.dt4j.core.testing;

import static io.dt4j.core.testing.RecordingHandler.pauseAt;
import static io.dt4j.core.testing.RecordingHandler.returnAt;
import static io.dt4j.core.testing.TwoNodes.join;
import static io.dt4j.core.testing.TwoNodes.pullChannel;
import static io.dt4j.core.testing.TwoNodes.pushChannel;
import static io.dt4j.core.testing.TwoNodes.response;
import static io.dt4j.core.testing.TwoNodes.update;
import static io.dt4j.core.testing.TwoNodes.waiting;
import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.ChannelId;
import io.dt4j.api.MessageType;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TransferResponse;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Pausing and resuming on the loopback transport: by either side, by a handler, by a response that
 * announces it, and the messages that travel with a resume (data-transfer.md §5.3, §5.5, §6.4).
 */
class LoopbackTransportHubPauseTest extends TwoNodeScenarios {
  @Test
  void requesterPauseStopsTheDataUntilItResumesWithAMessageForTheSender() throws Exception {
    ChannelId chid = pullChannel(4);
    BlockGate gate = nodes.openAcceptedPullHeldAfter(chid, 10);

    join(nodes.alice.pauseChannel(chid));
    gate.release();
    nodes.assertStaysAt(chid, 10);

    TransferRequest resume = update(chid, false);
    join(nodes.alice.resumeChannel(resume, chid));
    nodes.aliceHandler.awaitCall("onChannelCompleted");

    List<RecordingHandler.Call> bobCalls = nodes.bobHandler.calls();
    int resumedAt = bobCalls.indexOf(nodes.bobHandler.calls("onRequestReceived").get(1));
    assertThat(bobCalls.get(resumedAt).argument()).isEqualTo(resume);
    assertThat(bobCalls.subList(0, resumedAt))
        .filteredOn(c -> c.hook().equals("onDataSent"))
        .hasSize(10);
    assertThat(nodes.hub.deliveredCids(chid)).containsExactlyElementsOf(DAG.order());
  }

  @Test
  void responderPauseStopsTheDataUntilItResumesWithAMessageForTheRecipient() throws Exception {
    ChannelId chid = pullChannel(5);
    BlockGate gate = nodes.openAcceptedPullHeldAfter(chid, 10);

    join(nodes.bob.pauseChannel(chid));
    gate.release();
    nodes.assertStaysAt(chid, 10);

    TransferResponse resume = response(MessageType.UPDATE, chid, false, false);
    join(nodes.bob.resumeChannel(resume, chid));
    nodes.aliceHandler.awaitCall("onChannelCompleted");

    List<String> aliceHooks = nodes.aliceHandler.hooks();
    assertThat(aliceHooks.subList(2, 14))
        .containsExactly(
            "onDataReceived",
            "onDataReceived",
            "onDataReceived",
            "onDataReceived",
            "onDataReceived",
            "onDataReceived",
            "onDataReceived",
            "onDataReceived",
            "onDataReceived",
            "onDataReceived",
            "onResponseReceived",
            "onDataReceived");
    assertThat(nodes.aliceHandler.arguments("onResponseReceived")).last().isEqualTo(resume);
  }

  @Test
  void dataMovesOnlyWhenNeitherSideIsPaused() throws Exception {
    ChannelId chid = pullChannel(6);
    BlockGate gate = nodes.openAcceptedPullHeldAfter(chid, 5);
    join(nodes.alice.pauseChannel(chid));
    join(nodes.bob.pauseChannel(chid));
    gate.release();

    join(nodes.alice.resumeChannel(update(chid, false), chid));
    nodes.bobHandler.awaitCall("onRequestReceived");
    waiting().until(() -> nodes.bobHandler.calls("onRequestReceived").size() == 2);
    nodes.assertStaysAt(chid, 5);

    join(nodes.bob.resumeChannel(response(MessageType.UPDATE, chid, false, false), chid));
    nodes.aliceHandler.awaitCall("onChannelCompleted");
    assertThat(nodes.hub.blocksOnWire(chid)).isEqualTo(DAG.order().size());
  }

  @Test
  void pauseFromOnDataQueuedSendsThatBlockThenPausesTheResponse() throws Exception {
    ChannelId chid = pullChannel(7);
    nodes.bobHandler.react("onDataQueued", pauseAt(5));
    nodes.openAcceptedPull(chid);

    waiting().until(() -> nodes.hub.blocksOnWire(chid) == 5);
    nodes.assertStaysAt(chid, 5);
    assertThat(nodes.aliceHandler.cids("onDataReceived"))
        .containsExactlyElementsOf(DAG.order().subList(0, 5));

    TransferResponse result = response(MessageType.VOUCHER_RESULT, chid, true, false);
    join(nodes.bob.resumeChannel(result, chid));
    nodes.aliceHandler.awaitCall("onChannelCompleted");
    assertThat(nodes.aliceHandler.arguments("onResponseReceived")).last().isEqualTo(result);
  }

  @Test
  void aResponseAttachedToABlockThatAnnouncesAPausePausesAfterThatBlock() throws Exception {
    ChannelId chid = pullChannel(8);
    TransferResponse owed = response(MessageType.VOUCHER_RESULT, chid, true, true);
    nodes.bobHandler.react("onDataQueued", returnAt(3, Optional.of(owed)));
    nodes.openAcceptedPull(chid);

    waiting().until(() -> nodes.aliceHandler.calls("onResponseReceived").size() == 2);
    nodes.assertStaysAt(chid, 3);
    assertThat(nodes.aliceHandler.hooks())
        .containsExactly(
            "onChannelOpened",
            "onResponseReceived",
            "onDataReceived",
            "onDataReceived",
            "onDataReceived",
            "onResponseReceived");
    assertThat(nodes.aliceHandler.arguments("onResponseReceived")).last().isEqualTo(owed);

    join(nodes.bob.resumeChannel(response(MessageType.VOUCHER_RESULT, chid, true, false), chid));
    nodes.aliceHandler.awaitCall("onChannelCompleted");
    assertThat(nodes.hub.deliveredCids(chid)).containsExactlyElementsOf(DAG.order());
  }

  @Test
  void aPullAcceptedPausedWaitsForTheResponderToResume() throws Exception {
    ChannelId chid = pullChannel(14);
    nodes.bobHandler.replyWith(response(MessageType.NEW, chid, true, true));

    join(nodes.open(chid, Set.of(), nodes.pullRequest(MessageType.NEW, chid)));
    nodes.aliceHandler.awaitCall("onResponseReceived");
    nodes.assertStaysAt(chid, 0);

    join(nodes.bob.resumeChannel(response(MessageType.UPDATE, chid, false, false), chid));
    nodes.aliceHandler.awaitCall("onChannelCompleted");
    assertThat(nodes.hub.deliveredCids(chid)).containsExactlyElementsOf(DAG.order());
  }

  @Test
  void aPushAcceptedPausedStartsPausedUntilTheRecipientResumes() throws Exception {
    ChannelId chid = pushChannel(15);

    join(nodes.open(chid, Set.of(), response(MessageType.NEW, chid, true, true)));
    nodes.bobHandler.awaitCall("onResponseReceived");
    nodes.assertStaysAt(chid, 0);

    TransferResponse resume = response(MessageType.UPDATE, chid, false, false);
    join(nodes.alice.resumeChannel(resume, chid));
    nodes.aliceHandler.awaitCall("onChannelCompleted");
    assertThat(nodes.bobHandler.arguments("onResponseReceived")).last().isEqualTo(resume);
    assertThat(nodes.hub.deliveredCids(chid)).containsExactlyElementsOf(DAG.order());
  }
}
