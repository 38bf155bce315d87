package io.dt4j.graphsync.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.ChannelId;
import io.dt4j.api.EventCode;
import io.dt4j.api.Status;
import io.dt4j.graphsync.engine.Dags;
import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.Selectors;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a puller finds after its process was killed (issue 14, crash suite): blocks in its store
 * that its channel never recorded, and a provider it cannot dial yet. Neither may cost the
 * transfer: each block is counted exactly once, and a request that could not be sent leaves the
 * channel restartable.
 */
class CrashRecoveryIT {
  private TransferNode sender;
  private TransferNode recipient;

  @AfterEach
  void stop() throws Exception {
    if (recipient != null) {
      recipient.close();
    }
    if (sender != null) {
      sender.close();
    }
  }

  @Test
  void blocksStoredButNeverRecordedAreCountedOnce() throws Exception {
    TestFile file = TestFile.random(4 << 20, 21);
    InMemoryBlockstore received = new InMemoryBlockstore();
    // a kill between a block's store and its progress event leaves such blocks behind
    List<Cid> order = Dags.traversalOrder(file.store(), file.root(), Selectors.EXPLORE_ALL);
    for (Cid cid : order.subList(0, 6)) {
      received.put(Block.adopt(cid, file.store().get(cid).orElseThrow()));
    }
    sender = new TransferNode("sender", file.store());
    recipient = new TransferNode("recipient", received);
    sender.knows(recipient);

    ChannelId chid = recipient.pull(sender, file.root());

    recipient.awaitStatus(chid, Status.COMPLETED);
    assertThat(file.sameBlocksIn(received)).isTrue();
    assertThat(recipient.manager.channelState(chid).received()).isEqualTo(file.blockBytes());
    assertThat(recipient.manager.channelState(chid).receivedCidsCount())
        .isEqualTo((int) file.blockCount());
  }

  @Test
  void aProviderThatCompletedServesTheRestartedPullAgain() throws Exception {
    TestFile file = TestFile.random(4 << 20, 23);
    List<Cid> order = Dags.traversalOrder(file.store(), file.root(), Selectors.EXPLORE_ALL);
    // the recipient stalls at the last block: the provider sends everything and completes
    CountingBlockstore received = new CountingBlockstore(order.get(order.size() - 1));
    sender = new TransferNode("sender", file.store());
    recipient = new TransferNode("recipient", received);
    sender.knows(recipient);
    ChannelId chid = recipient.pull(sender, file.root());
    received.awaitReached();
    sender.awaitStatus(chid, Status.COMPLETED);

    // the recipient lost the rest (as a killed puller would) and restarts the channel
    recipient.dropConnectionsTo(sender);
    recipient.restart(chid);
    received.open();

    recipient.awaitStatus(chid, Status.COMPLETED);
    assertThat(file.sameBlocksIn(received)).isTrue();
    assertThat(recipient.manager.channelState(chid).received()).isEqualTo(file.blockBytes());
    assertThat(sender.manager.transferChannelStatus(chid)).isEqualTo(Status.COMPLETED);
  }

  @Test
  void aPullThatCannotReachItsProviderWaitsForARestartInsteadOfFailing() throws Exception {
    TestFile file = TestFile.random(1 << 20, 22);
    sender = new TransferNode("sender", file.store());
    recipient = new TransferNode("recipient", new InMemoryBlockstore());
    // the recipient does not know where the sender listens, as after a restart of its process
    sender.host.addAddress(recipient.host.peerId(), recipient.host.listenAddresses().get(0));

    ChannelId chid = recipient.pull(sender, file.root());

    Awaitility.await("a send error on " + chid)
        .atMost(Duration.ofSeconds(60))
        .until(() -> recipient.events(chid).contains(EventCode.SEND_DATA_ERROR));
    assertThat(recipient.manager.transferChannelStatus(chid))
        .as("the channel waits for a restart: %s", recipient.events(chid))
        .isEqualTo(Status.REQUESTED);
    assertThat(recipient.manager.channelState(chid).message()).contains("could not send request");
  }
}
