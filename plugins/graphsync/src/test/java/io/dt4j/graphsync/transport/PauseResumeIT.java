package io.dt4j.graphsync.transport;

import static io.dt4j.api.EventCode.PAUSE_INITIATOR;
import static io.dt4j.api.EventCode.PAUSE_RESPONDER;
import static io.dt4j.api.EventCode.RESUME_INITIATOR;
import static io.dt4j.api.EventCode.RESUME_RESPONDER;
import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.ChannelId;
import io.dt4j.api.EventCode;
import io.dt4j.api.Status;
import io.dt4j.graphsync.engine.Dags;
import io.dt4j.graphsync.engine.GatedBlockstore;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.Selectors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pause and resume by each side in the middle of a transfer over graphsync (data-transfer.md §5.3,
 * §6.4). The sender's store holds the traversal at a block in the middle until the pause is in
 * place, so the pause always lands mid-transfer.
 */
class PauseResumeIT {
  private TestFile file;
  private GatedBlockstore gated;
  private TransferNode sender;
  private TransferNode recipient;

  @BeforeEach
  void start() throws Exception {
    file = TestFile.random(4 << 20, 7);
    var order = Dags.traversalOrder(file.store(), file.root(), Selectors.EXPLORE_ALL);
    gated = GatedBlockstore.gate(file.store(), order.get(order.size() / 2));
    sender = new TransferNode("sender", gated);
    recipient = new TransferNode("recipient", new InMemoryBlockstore());
    sender.knows(recipient);
  }

  @AfterEach
  void stop() throws Exception {
    gated.open();
    recipient.close();
    sender.close();
  }

  @Test
  void recipientPausesAndResumesAPull() throws Exception {
    ChannelId chid = recipient.pull(sender, file.root());
    pauseMidway(recipient, chid, Status.INITIATOR_PAUSED);

    resume(recipient, chid);

    completes(chid, PAUSE_INITIATOR, RESUME_INITIATOR);
  }

  @Test
  void senderPausesAndResumesAPull() throws Exception {
    ChannelId chid = recipient.pull(sender, file.root());
    pauseMidway(sender, chid, Status.RESPONDER_PAUSED);

    resume(sender, chid);

    completes(chid, PAUSE_RESPONDER, RESUME_RESPONDER);
  }

  @Test
  void senderPausesAndResumesAPush() throws Exception {
    ChannelId chid = sender.push(recipient, file.root());
    pauseMidway(sender, chid, Status.INITIATOR_PAUSED);

    resume(sender, chid);

    completes(chid, PAUSE_INITIATOR, RESUME_INITIATOR);
  }

  @Test
  void recipientPausesAndResumesAPush() throws Exception {
    ChannelId chid = sender.push(recipient, file.root());
    pauseMidway(recipient, chid, Status.RESPONDER_PAUSED);

    resume(recipient, chid);

    completes(chid, PAUSE_RESPONDER, RESUME_RESPONDER);
  }

  /** Pauses once the sender is held mid-DAG; both sides see the pause before data moves on. */
  private void pauseMidway(TransferNode pauser, ChannelId chid, Status paused) throws Exception {
    gated.awaitReached();
    pauser.manager.pauseDataTransferChannel(chid).toCompletableFuture().get(10, TimeUnit.SECONDS);
    sender.awaitStatus(chid, paused);
    recipient.awaitStatus(chid, paused);
    gated.open();
  }

  private static void resume(TransferNode resumer, ChannelId chid) throws Exception {
    resumer.manager.resumeDataTransferChannel(chid).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private void completes(ChannelId chid, EventCode pause, EventCode resume) throws Exception {
    sender.awaitStatus(chid, Status.COMPLETED);
    recipient.awaitStatus(chid, Status.COMPLETED);
    assertThat(file.sameBlocksIn(recipient.blocks)).isTrue();
    assertThat(recipient.manager.channelState(chid).received()).isEqualTo(file.blockBytes());
    // no block crossed the wire twice: what arrived before the pause was not sent again
    assertThat(recipient.transport.channelCounters(chid))
        .containsEntry("duplicateBlocks", 0L)
        .containsEntry("bytesOnWire", file.blockBytes());
    assertThat(sender.events(chid)).containsSubsequence(pause, resume);
    assertThat(recipient.events(chid)).containsSubsequence(pause, resume);
  }
}
