package io.dt4j.graphsync.transport;

import static io.dt4j.api.EventCode.RESTART;
import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.ChannelId;
import io.dt4j.api.Status;
import io.dt4j.graphsync.engine.Dags;
import io.dt4j.graphsync.engine.GatedBlockstore;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Selectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pull restarted after its connection dropped mid-DAG (data-transfer.md §5.7): the new graphsync
 * request lists the blocks already received in {@code graphsync/do-not-send-cids}, so none of them
 * crosses the wire again, and the transfer completes. The recipient is held while storing a block
 * early in the DAG, so the blocks before it are exactly those received; the sender is held at the
 * last block, so that its response cannot complete before the restart.
 */
class RestartIT {
  private TestFile file;
  private Cid held;
  private GatedBlockstore lastHeld;
  private CountingBlockstore received;
  private TransferNode sender;
  private TransferNode recipient;

  @BeforeEach
  void start() throws Exception {
    file = TestFile.random(8 << 20, 11);
    var order = Dags.traversalOrder(file.store(), file.root(), Selectors.EXPLORE_ALL);
    held = order.get(8);
    received = new CountingBlockstore(held);
    lastHeld = GatedBlockstore.gate(file.store(), order.get(order.size() - 1));
    sender = new TransferNode("sender", lastHeld);
    recipient = new TransferNode("recipient", received);
    sender.knows(recipient);
  }

  @AfterEach
  void stop() throws Exception {
    received.open();
    lastHeld.open();
    recipient.close();
    sender.close();
  }

  @Test
  void aPullRestartedAfterADroppedConnectionDoesNotResendReceivedBlocks() throws Exception {
    ChannelId chid = recipient.pull(sender, file.root());
    received.awaitReached();

    recipient.dropConnectionsTo(sender);
    recipient.restart(chid);
    received.open();
    lastHeld.open();

    sender.awaitStatus(chid, Status.COMPLETED);
    recipient.awaitStatus(chid, Status.COMPLETED);
    assertThat(file.sameBlocksIn(received)).isTrue();
    // only the block that was arriving when the connection dropped may cross twice
    assertThat(received.storedTwice().keySet()).isSubsetOf(held);
    assertThat(recipient.events(chid)).contains(RESTART);
    assertThat(recipient.manager.channelState(chid).received()).isEqualTo(file.blockBytes());
    assertThat(recipient.transport.channelCounters(chid).get("duplicateBlocks"))
        .isLessThanOrEqualTo(1L);
  }
}
