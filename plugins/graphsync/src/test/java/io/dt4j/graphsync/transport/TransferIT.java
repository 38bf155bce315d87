package io.dt4j.graphsync.transport;

import static io.dt4j.api.EventCode.ACCEPT;
import static io.dt4j.api.EventCode.CLEANUP_COMPLETE;
import static io.dt4j.api.EventCode.COMPLETE;
import static io.dt4j.api.EventCode.DATA_RECEIVED;
import static io.dt4j.api.EventCode.DATA_SENT;
import static io.dt4j.api.EventCode.FINISH_TRANSFER;
import static io.dt4j.api.EventCode.OPEN;
import static io.dt4j.api.EventCode.RESPONDER_COMPLETES;
import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.ChannelId;
import io.dt4j.api.Status;
import io.dt4j.ipld.InMemoryBlockstore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two data-transfer managers on real libp2p hosts over loopback move a UnixFS file through the
 * graphsync transport, with the event orders of data-transfer.md §7.2.
 */
class TransferIT {
  private TransferNode sender;
  private TransferNode recipient;
  private TestFile file;

  @BeforeEach
  void start() throws Exception {
    file = TestFile.random(4 << 20, 42);
    sender = new TransferNode("sender", file.store());
    recipient = new TransferNode("recipient", new InMemoryBlockstore());
    sender.knows(recipient);
  }

  @AfterEach
  void stop() throws Exception {
    recipient.close();
    sender.close();
  }

  @Test
  void pullMovesTheFileAndBothSidesComplete() throws Exception {
    ChannelId chid = recipient.pull(sender, file.root());

    recipient.awaitStatus(chid, Status.COMPLETED);
    sender.awaitStatus(chid, Status.COMPLETED);
    assertThat(file.sameBlocksIn(recipient.blocks)).isTrue();
    // the responder's Complete travels on dt-net and may overtake the last blocks
    assertThat(recipient.events(chid))
        .containsSubsequence(OPEN, ACCEPT, DATA_RECEIVED, FINISH_TRANSFER, CLEANUP_COMPLETE)
        .contains(RESPONDER_COMPLETES);
    assertThat(sender.events(chid)).containsSubsequence(OPEN, ACCEPT, DATA_SENT, COMPLETE);
    assertThat(recipient.manager.channelState(chid).received()).isEqualTo(file.blockBytes());
    assertThat(sender.manager.channelState(chid).sent()).isEqualTo(file.blockBytes());
  }

  @Test
  void pushMovesTheFileAndBothSidesComplete() throws Exception {
    ChannelId chid = sender.push(recipient, file.root());

    sender.awaitStatus(chid, Status.COMPLETED);
    recipient.awaitStatus(chid, Status.COMPLETED);
    assertThat(file.sameBlocksIn(recipient.blocks)).isTrue();
    assertThat(sender.events(chid))
        .containsSubsequence(OPEN, ACCEPT, DATA_SENT, FINISH_TRANSFER, RESPONDER_COMPLETES);
    assertThat(recipient.events(chid)).containsSubsequence(OPEN, ACCEPT, DATA_RECEIVED, COMPLETE);
    assertThat(recipient.manager.channelState(chid).received()).isEqualTo(file.blockBytes());
  }
}
