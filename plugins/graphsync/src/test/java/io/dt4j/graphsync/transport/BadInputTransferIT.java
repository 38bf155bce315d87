package io.dt4j.graphsync.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dt4j.api.ChannelId;
import io.dt4j.api.Status;
import io.dt4j.api.host.Stream;
import io.dt4j.graphsync.Graphsync;
import io.dt4j.graphsync.GraphsyncOptions;
import io.dt4j.graphsync.engine.Dags;
import io.dt4j.graphsync.engine.GatedBlockstore;
import io.dt4j.graphsync.engine.TestNode;
import io.dt4j.graphsync.extensions.ExtensionNames;
import io.dt4j.graphsync.extensions.LinkMetadata;
import io.dt4j.graphsync.extensions.ResponseMetadata;
import io.dt4j.graphsync.message.Extensions;
import io.dt4j.graphsync.message.GraphsyncMessage;
import io.dt4j.graphsync.message.GraphsyncMessageCodec;
import io.dt4j.graphsync.message.GraphsyncResponse;
import io.dt4j.graphsync.message.ResponseStatusCode;
import io.dt4j.ipld.Block;
import io.dt4j.ipld.Blockstore;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Selectors;
import io.dt4j.ipld.protobuf.FrameDecoder;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pulls through two managers where the sender cannot or does not serve the DAG as asked: the
 * recipient's channel fails with a message naming the CID at fault (data-transfer.md §6.3, request
 * finished), blocks from a peer nobody asked are ignored, and nothing whose bytes do not match its
 * CID reaches the recipient's store.
 */
class BadInputTransferIT {
  private final TestFile file = TestFile.random(1 << 20, 7);
  private final HashCheckingBlockstore received = new HashCheckingBlockstore();
  private final TestNode.Network network = new TestNode.Network();
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
    network.close();
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

  @Test
  void blocksFromAPeerNobodyAskedAreIgnoredWhileAPullRuns() throws Exception {
    List<Cid> blocks = Dags.traversalOrder(file.store(), file.root(), Selectors.EXPLORE_ALL);
    GatedBlockstore gated = GatedBlockstore.gate(file.store(), blocks.get(2));
    nodes(gated);
    ChannelId chid = recipient.pull(sender, file.root());
    gated.awaitReached();

    // a third peer answers "request 0" (the pull's id) with a stray block and one of the DAG's
    Block stray = Block.of(Multicodec.RAW, new byte[] {1, 2, 3});
    Block ofTheDag = new Block(blocks.get(3), file.store().get(blocks.get(3)).orElseThrow());
    sendResponse(
        recipient,
        new GraphsyncResponse(
            0,
            ResponseStatusCode.PARTIAL_RESPONSE,
            Extensions.of(
                ExtensionNames.RESPONSE_METADATA,
                ResponseMetadata.encode(
                    List.of(
                        new LinkMetadata(stray.cid(), true),
                        new LinkMetadata(ofTheDag.cid(), true))))),
        List.of(stray, ofTheDag));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> recipient.transport.graphsync().stats().unexpectedBlocks() == 2);
    gated.open();

    recipient.awaitStatus(chid, Status.COMPLETED);
    assertThat(received.has(stray.cid())).isFalse();
    assertThat(file.sameBlocksIn(received)).isTrue();
    assertThat(received.mismatched()).isEmpty();
  }

  /** Writes one graphsync message with a response to {@code target} from a peer of its own. */
  private void sendResponse(TransferNode target, GraphsyncResponse response, List<Block> blocks)
      throws Exception {
    TestNode rogue = network.node(new InMemoryBlockstore(), GraphsyncOptions.defaults());
    rogue.host().addAddress(target.host.peerId(), target.host.listenAddresses().get(0));
    byte[] body =
        GraphsyncMessageCodec.encode(new GraphsyncMessage(List.of(), List.of(response), blocks));
    byte[] prefix = FrameDecoder.lengthPrefix(body.length);
    Stream stream =
        rogue
            .host()
            .newStream(target.host.peerId(), List.of(Graphsync.PROTOCOL_ID))
            .toCompletableFuture()
            .get(10, TimeUnit.SECONDS);
    stream
        .write(ByteBuffer.wrap(prefix))
        .thenCompose(done -> stream.write(ByteBuffer.wrap(body)))
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
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
