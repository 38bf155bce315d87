package io.dt4j.graphsync.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.ChannelId;
import io.dt4j.api.Status;
import io.dt4j.graphsync.engine.Dags;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Selectors;
import io.dt4j.libp2p.host.Libp2pConnection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pull whose sender has sent its whole response, and completed its side, when the connection
 * drops while the recipient is still storing a block in the middle of the DAG (the network-fault
 * suite's last reset): what was in flight is lost. The recipient restarts; the sender serves the
 * restart of its completed pull again instead of refusing it as terminated, and the recipient
 * completes with every block, none of those it had stored sent again. (Whether anything was still
 * in flight depends on how far the recipient had read: when nothing was lost the restart changes
 * nothing, and the channel must complete all the same, never stay ResponderCompleted.)
 */
class RestartAfterSenderFinishedIT {
  private TestFile file;
  private CountingBlockstore received;
  private TransferNode sender;
  private TransferNode recipient;

  @BeforeEach
  void start() throws Exception {
    file = TestFile.random(4 << 20, 12);
    List<Cid> order = Dags.traversalOrder(file.store(), file.root(), Selectors.EXPLORE_ALL);
    received = new CountingBlockstore(order.get(order.size() / 2));
    sender = new TransferNode("sender", file.store());
    recipient = new TransferNode("recipient", received);
    sender.knows(recipient);
  }

  @AfterEach
  void stop() throws Exception {
    received.open();
    recipient.close();
    sender.close();
  }

  @Test
  void aPullRestartedAfterTheSenderCompletedGetsWhatWasLostInFlight() throws Exception {
    ChannelId chid = recipient.pull(sender, file.root());
    received.awaitReached();
    Awaitility.await("the sender completes its side")
        .atMost(Duration.ofSeconds(30))
        .until(() -> sender.status(chid) == Status.COMPLETED);

    recipient.host.connections(sender.host.peerId()).forEach(Libp2pConnection::close);
    received.open();
    recipient
        .manager
        .restartDataTransferChannel(chid)
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);

    recipient.awaitStatus(chid, Status.COMPLETED);
    assertThat(file.sameBlocksIn(received)).isTrue();
    assertThat(recipient.manager.channelState(chid).received()).isEqualTo(file.blockBytes());
    assertThat(recipient.transport.channelCounters(chid).get("duplicateBlocks"))
        .isLessThanOrEqualTo(1L);
  }
}
