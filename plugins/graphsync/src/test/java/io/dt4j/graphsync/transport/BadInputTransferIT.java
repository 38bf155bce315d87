package io.dt4j.graphsync.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.ChannelId;
import io.dt4j.api.Status;
import io.dt4j.graphsync.engine.Dags;
import io.dt4j.graphsync.engine.GatedBlockstore;
import io.dt4j.ipld.Block;
import io.dt4j.ipld.Blockstore;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.Selectors;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pulls through two managers where the sender cannot or does not serve the DAG as asked: the
 * recipient's channel fails with a message naming the CID at fault (data-transfer.md §6.3, request
 * finished), and nothing whose bytes do not match its CID reaches the recipient's store.
 */
class BadInputTransferIT {
  private final TestFile file = TestFile.random(1 << 20, 7);
  private final HashCheckingBlockstore received = new HashCheckingBlockstore();
  private TransferNode sender;
  private TransferNode recipient;

  BadInputTransferIT() throws Exception {}

  private void nodes(Blockstore senderStore) throws Exception {
    sender = new TransferNode("sender", senderStore);
    recipient = new TransferNode("recipient", received);
    sender.knows(recipient);
  }

  @AfterEach
  void stop() throws Exception {
    if (recipient != null) {
      recipient.close();
      sender.close();
    }
  }

  @Test
  void pullOfARootTheSenderLacksFailsBothSidesAndNamesTheRoot() throws Exception {
    nodes(new InMemoryBlockstore());

    ChannelId chid = recipient.pull(sender, file.root());

    recipient.awaitStatus(chid, Status.FAILED);
    assertThat(recipient.manager.channelState(chid).message())
        .contains("graphsync request failed to complete: Request Failed - Content Not Found")
        .endsWith("the responder does not have the root " + file.root());
    sender.awaitStatus(chid, Status.FAILED);
    assertThat(sender.manager.channelState(chid).message())
        .contains("response status code RequestFailedContentNotFound");
    assertThat(received.cids()).isEmpty();
  }

  @Test
  void pullOfADagMissingABlockFailsRatherThanCompletesWithAHole() throws Exception {
    List<Cid> blocks = Dags.traversalOrder(file.store(), file.root(), Selectors.EXPLORE_ALL);
    Cid lost = blocks.get(blocks.size() - 1);
    InMemoryBlockstore partial = copyWithout(file.store(), lost);
    nodes(partial);

    ChannelId chid = recipient.pull(sender, file.root());

    // go-graphsync reports the missing link as an error, so go-data-transfer fails the channel
    recipient.awaitStatus(chid, Status.FAILED);
    assertThat(recipient.manager.channelState(chid).message())
        .endsWith(
            "graphsync request failed to complete: remote peer is missing block (" + lost + ")");
    sender.awaitStatus(chid, Status.FAILED);
    assertThat(sender.manager.channelState(chid).message())
        .contains("response status code RequestCompletedPartial");
    assertThat(received.cids()).containsExactlyInAnyOrderElementsOf(partial.cids().toList());
    assertThat(received.mismatched()).isEmpty();
  }

  @Test
  void blockWhoseBytesDoNotMatchItsCidFailsTheChannelAndIsNeverStored() throws Exception {
    List<Cid> blocks = Dags.traversalOrder(file.store(), file.root(), Selectors.EXPLORE_ALL);
    Cid victim = blocks.get(2);
    nodes(
        GatedBlockstore.corrupt(
            file.store(),
            victim,
            bytes -> {
              byte[] altered = bytes.clone();
              altered[0] ^= 1;
              return altered;
            }));

    ChannelId chid = recipient.pull(sender, file.root());

    recipient.awaitStatus(chid, Status.FAILED);
    assertThat(recipient.manager.channelState(chid).message())
        .contains("graphsync request failed to complete: the responder listed block " + victim);
    assertThat(received.has(victim)).isFalse();
    assertThat(received.mismatched()).isEmpty();
    assertThat(received.cids()).allMatch(file.store()::has);
  }

  private static InMemoryBlockstore copyWithout(Blockstore store, Cid lost) {
    InMemoryBlockstore copy = new InMemoryBlockstore();
    store
        .cids()
        .filter(cid -> !cid.equals(lost))
        .forEach(cid -> copy.put(new Block(cid, store.get(cid).orElseThrow())));
    return copy;
  }
}
