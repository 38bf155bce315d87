package io.dt4j.graphsync.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.dt4j.api.PeerId;
import io.dt4j.graphsync.BlockNotReceivedException;
import io.dt4j.graphsync.GraphsyncOptions;
import io.dt4j.graphsync.GraphsyncOptions.RequestValidation;
import io.dt4j.graphsync.RequestCancelledException;
import io.dt4j.graphsync.RequestHandle;
import io.dt4j.graphsync.RequestListener;
import io.dt4j.graphsync.RequestResult;
import io.dt4j.graphsync.ResponderFailedException;
import io.dt4j.graphsync.extensions.DoNotSendCids;
import io.dt4j.graphsync.extensions.ExtensionNames;
import io.dt4j.graphsync.hooks.BlockData;
import io.dt4j.graphsync.message.Extensions;
import io.dt4j.graphsync.message.NewRequest;
import io.dt4j.graphsync.message.ResponseStatusCode;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Multihash;
import io.dt4j.ipld.Selectors;
import io.dt4j.ipld.unixfs.ImportResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pause, unpause and cancel by each side, do-not-send-cids, and a corrupted block. */
class ControlIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final GraphsyncOptions SERVE_ALL =
      GraphsyncOptions.defaults().toBuilder().validation(RequestValidation.ALL).build();

  private final TestNode.Network network = new TestNode.Network();
  private final List<Cid> sentOnWire = new CopyOnWriteArrayList<>();
  private final List<NewRequest> served = new CopyOnWriteArrayList<>();
  private final List<ResponseStatusCode> completed = new CopyOnWriteArrayList<>();
  private final List<Integer> cancelledByRequestor = new CopyOnWriteArrayList<>();
  private InMemoryBlockstore source;
  private ImportResult dag;
  private List<Cid> blocks;

  @BeforeEach
  void dag() throws Exception {
    source = new InMemoryBlockstore();
    // 8 MiB in 16 KiB chunks: over 600 blocks, far more than one turn of the responder
    dag = Dags.importFile(source, Dags.randomBytes(8 << 20, 11), Dags.NARROW);
    blocks = Dags.allBlocks(source, dag.root());
  }

  @AfterEach
  void stop() {
    network.close();
  }

  /**
   * Makes the responder pause itself once, when it reaches a block, so that the requester's cancel
   * finds the response in progress however fast the transfer runs.
   */
  private static void pauseOnceAt(TestNode responder, Cid block) {
    java.util.concurrent.atomic.AtomicBoolean first =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    responder
        .graphsync()
        .hooks()
        .onOutgoingBlock(
            (peer, request, sent, actions) -> {
              if (sent.link().equals(block) && first.compareAndSet(true, false)) {
                actions.pauseResponse();
              }
            });
  }

  private TestNode responder(io.dt4j.ipld.Blockstore store) throws Exception {
    TestNode node = network.node(store, SERVE_ALL);
    node.graphsync()
        .hooks()
        .onBlockSent(
            (peer, request, block) -> {
              if (block.sizeOnWire() > 0) {
                sentOnWire.add(block.link());
              }
            });
    node.graphsync().hooks().onIncomingRequest((peer, request, actions) -> served.add(request));
    node.graphsync().hooks().onResponseCompleted((peer, request, status) -> completed.add(status));
    node.graphsync()
        .hooks()
        .onRequestorCancelled((peer, request) -> cancelledByRequestor.add(request.id()));
    return node;
  }

  private static RequestResult result(RequestHandle handle) throws Exception {
    return handle.result().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void requesterPauseAndUnpauseCompletesWithoutResendingReceivedBlocks() throws Exception {
    TestNode responder = responder(source);
    pauseOnceAt(responder, blocks.get(40));
    TestNode requester = network.node(new InMemoryBlockstore(), SERVE_ALL);
    AtomicInteger received = new AtomicInteger();
    requester
        .graphsync()
        .hooks()
        .onIncomingBlock(
            (peer, request, block, actions) -> {
              if (received.incrementAndGet() == 10) {
                actions.pauseRequest();
              }
            });
    RequestHandle handle = requester.pull(responder, dag.root());

    await().atMost(WAIT).until(() -> cancelledByRequestor.contains(handle.id()));
    Set<Cid> storedWhilePaused;
    try (var stored = requester.store().cids()) {
      storedWhilePaused = stored.collect(Collectors.toSet());
    }
    assertThat(storedWhilePaused).hasSize(10);
    handle
        .unpause(Extensions.of("note", new byte[] {1}))
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    RequestResult result = result(handle);

    assertThat(Dags.exportFile(requester.store(), dag.root()))
        .isEqualTo(Dags.exportFile(source, dag.root()));
    assertThat(result.blocksReceived()).isEqualTo(blocks.size());
    NewRequest resumed = served.get(served.size() - 1);
    assertThat(resumed.id()).isEqualTo(handle.id());
    assertThat(resumed.extensions().get("note")).hasValue(new byte[] {1});
    // blocks that arrived while paused were used before the re-request, so it names those too
    Set<Cid> doNotSend =
        DoNotSendCids.decode(
            resumed.extensions().get(ExtensionNames.DO_NOT_SEND_CIDS).orElseThrow());
    assertThat(doNotSend).containsAll(storedWhilePaused);
    await().atMost(WAIT).until(() -> completed.size() == 1);
    for (Cid cid : doNotSend) {
      assertThat(sentOnWire.stream().filter(cid::equals).count()).as("sends of %s", cid).isOne();
    }
  }

  @Test
  void responderPausedByHookIsResumedByTheRequestersUpdate() throws Exception {
    TestNode responder = responder(source);
    AtomicInteger sent = new AtomicInteger();
    responder
        .graphsync()
        .hooks()
        .onOutgoingBlock(
            (peer, request, block, actions) -> {
              if (sent.incrementAndGet() == 20) {
                actions.pauseResponse();
              }
            });
    responder
        .graphsync()
        .hooks()
        .onRequestUpdated(
            (peer, request, update, actions) -> {
              if (update.extensions().has("voucher")) {
                actions.sendExtensionData("voucher-result", new byte[] {7});
                actions.unpauseResponse();
              }
            });
    TestNode requester = network.node(new InMemoryBlockstore(), SERVE_ALL);
    List<ResponseStatusCode> statuses = new CopyOnWriteArrayList<>();
    List<String> extensionsSeen = new CopyOnWriteArrayList<>();
    requester
        .graphsync()
        .hooks()
        .onIncomingResponse(
            (peer, response, actions) -> {
              statuses.add(response.status());
              extensionsSeen.addAll(response.extensions().names());
              if (response.status() == ResponseStatusCode.REQUEST_PAUSED) {
                actions.updateRequest(Extensions.of("voucher", new byte[] {1, 2}));
              }
            });

    RequestResult result = result(requester.pull(responder, dag.root()));

    assertThat(result.status()).hasValue(ResponseStatusCode.REQUEST_COMPLETED_FULL);
    assertThat(statuses).containsOnlyOnce(ResponseStatusCode.REQUEST_PAUSED);
    assertThat(extensionsSeen).contains("voucher-result");
    // the responder hears of its last write a moment after the requester has the blocks
    await().atMost(WAIT).until(() -> sentOnWire.size() == blocks.size());
  }

  @Test
  void responderPausedThroughTheApiWaitsForItsUnpause() throws Exception {
    GatedBlockstore gated = GatedBlockstore.gate(source, blocks.get(5));
    TestNode responder = responder(gated);
    TestNode requester = network.node(new InMemoryBlockstore(), SERVE_ALL);
    ResponseRecorder listener = new ResponseRecorder();
    RequestHandle handle = requester.pull(responder, dag.root(), listener);
    PeerId requesterId = requester.host().peerId();

    gated.awaitReached();
    var paused = responder.graphsync().pauseResponse(requesterId, handle.id());
    gated.open();
    paused.toCompletableFuture().get(10, TimeUnit.SECONDS);
    await().atMost(WAIT).until(() -> listener.saw(ResponseStatusCode.REQUEST_PAUSED));
    assertThat(handle.result().toCompletableFuture()).isNotDone();
    responder
        .graphsync()
        .unpauseResponse(requesterId, handle.id(), Extensions.of("resumed", new byte[0]))
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);

    assertThat(result(handle).status()).hasValue(ResponseStatusCode.REQUEST_COMPLETED_FULL);
    assertThat(listener.sawExtension("resumed")).isTrue();
  }

  @Test
  void requesterCancelStopsTheResponderSilently() throws Exception {
    TestNode responder = responder(source);
    pauseOnceAt(responder, blocks.get(20));
    TestNode requester = network.node(new InMemoryBlockstore(), SERVE_ALL);
    ResponseRecorder listener = new ResponseRecorder();
    RequestHandle handle = requester.pull(responder, dag.root(), listener);

    await().atMost(WAIT).until(() -> listener.saw(ResponseStatusCode.REQUEST_PAUSED));
    handle.cancel().toCompletableFuture().get(10, TimeUnit.SECONDS);

    assertThatThrownBy(() -> result(handle)).cause().isInstanceOf(RequestCancelledException.class);
    await().atMost(WAIT).until(() -> cancelledByRequestor.contains(handle.id()));
    assertThat(completed).isEmpty();
    assertThat(sentOnWire.size()).isLessThan(blocks.size());
  }

  @Test
  void responderCancelFailsTheRequestWithResponderCancelled() throws Exception {
    TestNode responder = responder(source);
    responder
        .graphsync()
        .hooks()
        .onIncomingRequest((peer, request, actions) -> actions.pauseResponse());
    TestNode requester = network.node(new InMemoryBlockstore(), SERVE_ALL);
    RequestHandle handle = requester.pull(responder, dag.root());
    await().atMost(WAIT).until(() -> served.size() == 1);

    await()
        .atMost(WAIT)
        .until(
            () -> {
              try {
                responder
                    .graphsync()
                    .cancelResponse(requester.host().peerId(), handle.id())
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
                return true;
              } catch (java.util.concurrent.ExecutionException notYetStarted) {
                return false;
              }
            });

    assertThatThrownBy(() -> result(handle))
        .cause()
        .isInstanceOfSatisfying(
            ResponderFailedException.class,
            e -> assertThat(e.status()).isEqualTo(ResponseStatusCode.REQUEST_CANCELLED));
    await().atMost(WAIT).until(() -> completed.contains(ResponseStatusCode.REQUEST_CANCELLED));
  }

  @Test
  void doNotSendCidsKeepsBlocksTheRequesterHasOffTheWire() throws Exception {
    TestNode responder = responder(source);
    List<Cid> firstHalf = new ArrayList<>(blocks.subList(0, blocks.size() / 2));
    TestNode requester = network.node(Dags.copyOf(source, firstHalf), SERVE_ALL);

    RequestResult result =
        result(
            requester
                .graphsync()
                .request(
                    responder.host().peerId(),
                    dag.root(),
                    Selectors.EXPLORE_ALL,
                    Extensions.of(ExtensionNames.DO_NOT_SEND_CIDS, DoNotSendCids.encode(firstHalf)),
                    RequestListener.NONE));

    assertThat(result.blocksFromStore()).isEqualTo(firstHalf.size());
    assertThat(result.blocksReceived()).isEqualTo(blocks.size() - firstHalf.size());
    await().atMost(WAIT).until(() -> completed.size() == 1);
    assertThat(sentOnWire)
        .doesNotContainAnyElementsOf(firstHalf)
        .hasSize(blocks.size() - firstHalf.size());
    assertThat(Dags.exportFile(requester.store(), dag.root()))
        .isEqualTo(Dags.exportFile(source, dag.root()));
  }

  @Test
  void corruptedBlockFailsTheRequestAndIsNeverStored() throws Exception {
    Cid victim = blocks.get(blocks.size() / 2);
    assertThat(victim.codec()).isEqualTo(Multicodec.RAW);
    byte[] altered = source.get(victim).orElseThrow();
    altered[0] ^= 1;
    Cid alteredCid = Cid.v1(Multicodec.RAW, Multihash.sha256(altered));
    TestNode responder =
        responder(GatedBlockstore.corrupt(source, victim, bytes -> altered.clone()));
    TestNode requester = network.node(new InMemoryBlockstore(), SERVE_ALL);
    List<BlockData> consumed = new CopyOnWriteArrayList<>();
    requester
        .graphsync()
        .hooks()
        .onIncomingBlock((peer, request, block, actions) -> consumed.add(block));

    RequestHandle handle = requester.pull(responder, dag.root());

    assertThatThrownBy(() -> result(handle))
        .cause()
        .isInstanceOfSatisfying(
            BlockNotReceivedException.class, e -> assertThat(e.cid()).isEqualTo(victim));
    assertThat(requester.store().has(victim)).isFalse();
    assertThat(requester.store().has(alteredCid)).isFalse();
    assertThat(consumed).extracting(BlockData::link).doesNotContain(victim, alteredCid);
    assertThat(requester.graphsync().stats().unexpectedBlocks()).isPositive();
  }
}
