package io.dt4j.graphsync.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dt4j.api.ChannelId;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.EventsHandler;
import io.dt4j.api.MessageType;
import io.dt4j.api.PauseChannelException;
import io.dt4j.api.TransferId;
import io.dt4j.api.TransferMessage;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TransferResponse;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.core.messages.VersionedMessageCodec;
import io.dt4j.graphsync.GraphsyncOptions;
import io.dt4j.graphsync.engine.TestNode;
import io.dt4j.graphsync.message.ResponseStatusCode;
import io.dt4j.ipld.Blockstore;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.Node;
import io.dt4j.ipld.Selectors;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * data-transfer.md §6.3 (incoming request hook): when a channel's first graphsync response began
 * paused and the data sender has not resumed it, a second request of the channel (here the
 * recipient's restart) begins paused too, though its handler accepts it; the sender's resume starts
 * the data.
 */
class HeldBackRequestIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final TestNode.Network network = new TestNode.Network();

  @AfterEach
  void stop() {
    network.close();
  }

  @Test
  void restartOfAChannelThatNeverStartedBeginsPausedUntilTheSenderResumes() throws Exception {
    TestFile file = TestFile.random(1 << 20, 9);
    Script senderScript = new Script(true);
    Script recipientScript = new Script(false);
    InMemoryBlockstore received = new InMemoryBlockstore();
    GraphsyncTransport sender = transport(file.store(), senderScript);
    GraphsyncTransport recipient = transport(received, recipientScript);
    Map<Integer, ResponseStatusCode> lastStatus = new ConcurrentHashMap<>();
    recipient
        .graphsync()
        .hooks()
        .onIncomingResponse(
            (peer, response, actions) -> lastStatus.put(response.id(), response.status()));
    ChannelId chid =
        new ChannelId(
            recipient.graphsync().peerId(), sender.graphsync().peerId(), new TransferId(1));

    open(recipient, sender, chid, MessageType.NEW, file.root());
    awaitStatus(lastStatus, 0, ResponseStatusCode.REQUEST_PAUSED);
    open(recipient, sender, chid, MessageType.RESTART, file.root());
    awaitStatus(lastStatus, 1, ResponseStatusCode.REQUEST_PAUSED);

    assertThat(senderScript.requests).hasValue(2);
    assertThat(senderScript.queued).as("blocks queued before the resume").isEmpty();
    sender
        .resumeChannel(
            new TransferResponse(MessageType.UPDATE, chid.id(), true, false, Optional.empty()),
            chid)
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);

    await().atMost(WAIT).until(() -> recipientScript.completed.contains(chid));
    assertThat(file.sameBlocksIn(received)).isTrue();
    assertThat(senderScript.queued).hasSize((int) file.blockCount());
  }

  private static void awaitStatus(
      Map<Integer, ResponseStatusCode> lastStatus, int requestId, ResponseStatusCode status) {
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(lastStatus.get(requestId))
                    .as("last status of request %d", requestId)
                    .isEqualTo(status));
  }

  private static void open(
      GraphsyncTransport recipient,
      GraphsyncTransport sender,
      ChannelId chid,
      MessageType type,
      Cid root)
      throws Exception {
    TransferRequest request =
        new TransferRequest(
            type,
            chid.id(),
            Optional.of(root),
            false,
            true,
            Optional.of(Selectors.EXPLORE_ALL),
            Optional.of(
                new EncodedVoucher(
                    TypeIdentifier.of("dt4j/ExampleVoucher"), DagCbor.encode(Node.of("deal-1")))),
            Optional.empty());
    recipient
        .openChannel(
            sender.graphsync().peerId(), chid, root, Selectors.EXPLORE_ALL, Set.of(), request)
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  private GraphsyncTransport transport(Blockstore store, EventsHandler handler) throws Exception {
    TestNode node = network.node(store, GraphsyncOptions.defaults());
    GraphsyncTransport transport =
        new GraphsyncTransport(node.graphsync(), VersionedMessageCodec.INSTANCE);
    transport.setEventHandler(handler);
    return transport;
  }

  /** A handler that pauses the first request it receives (the sender is still unsealing, say). */
  private static final class Script implements EventsHandler {
    private final boolean pauseFirstRequest;
    final AtomicInteger requests = new AtomicInteger();
    final List<Cid> queued = new CopyOnWriteArrayList<>();
    final Set<ChannelId> completed = ConcurrentHashMap.newKeySet();

    Script(boolean pauseFirstRequest) {
      this.pauseFirstRequest = pauseFirstRequest;
    }

    @Override
    public Optional<TransferResponse> onRequestReceived(
        ChannelId channelId, TransferRequest request) throws PauseChannelException {
      if (requests.incrementAndGet() == 1 && pauseFirstRequest) {
        throw new PauseChannelException();
      }
      return Optional.empty();
    }

    @Override
    public Optional<TransferMessage> onDataQueued(ChannelId channelId, Cid link, long size) {
      queued.add(link);
      return Optional.empty();
    }

    @Override
    public void onChannelCompleted(ChannelId channelId, boolean success) {
      if (success) {
        completed.add(channelId);
      }
    }

    @Override
    public void onChannelOpened(ChannelId channelId) {}

    @Override
    public void onResponseReceived(ChannelId channelId, TransferResponse response) {}

    @Override
    public void onDataReceived(ChannelId channelId, Cid link, long size) {}

    @Override
    public void onDataSent(ChannelId channelId, Cid link, long size) {}

    @Override
    public void onRequestTimedOut(ChannelId channelId) {}

    @Override
    public void onRequestDisconnected(ChannelId channelId) {}
  }
}
