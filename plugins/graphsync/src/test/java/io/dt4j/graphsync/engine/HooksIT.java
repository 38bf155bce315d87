package io.dt4j.graphsync.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.dt4j.api.Subscription;
import io.dt4j.graphsync.GraphsyncException;
import io.dt4j.graphsync.GraphsyncOptions;
import io.dt4j.graphsync.GraphsyncOptions.RequestValidation;
import io.dt4j.graphsync.RequestHandle;
import io.dt4j.graphsync.RequestResult;
import io.dt4j.graphsync.RequestTerminatedException;
import io.dt4j.graphsync.ResponderFailedException;
import io.dt4j.graphsync.extensions.DedupKey;
import io.dt4j.graphsync.extensions.ExtensionNames;
import io.dt4j.graphsync.message.Extensions;
import io.dt4j.graphsync.message.NewRequest;
import io.dt4j.graphsync.message.ResponseStatusCode;
import io.dt4j.graphsync.message.UpdateRequest;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.Selectors;
import io.dt4j.ipld.unixfs.ImportResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hooks the data-transfer transport relies on (data-transfer spec §6.3): validation, extension
 * data both ways, updates, termination, persistence options and the listeners.
 */
class HooksIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final GraphsyncOptions HOOKS_ONLY =
      GraphsyncOptions.defaults().toBuilder().validation(RequestValidation.HOOKS_ONLY).build();

  private final TestNode.Network network = new TestNode.Network();
  private InMemoryBlockstore source;
  private ImportResult dag;
  private List<Cid> blocks;

  @BeforeEach
  void dag() throws Exception {
    source = new InMemoryBlockstore();
    dag = Dags.importFile(source, Dags.randomBytes(300_000, 21), Dags.NARROW);
    blocks = Dags.allBlocks(source, dag.root());
  }

  @AfterEach
  void stop() {
    network.close();
  }

  private static RequestResult result(RequestHandle handle) throws Exception {
    return handle.result().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  private RequestHandle pull(TestNode requester, TestNode responder, Extensions extensions) {
    return requester
        .graphsync()
        .request(
            responder.host().peerId(),
            dag.root(),
            Selectors.EXPLORE_ALL,
            extensions,
            io.dt4j.graphsync.RequestListener.NONE);
  }

  @Test
  void requestNoHookValidatesIsRejectedWithUnknownReason() throws Exception {
    TestNode responder = network.node(source, HOOKS_ONLY);
    TestNode requester = network.node(new InMemoryBlockstore(), HOOKS_ONLY);
    List<ResponseStatusCode> completed = new CopyOnWriteArrayList<>();
    responder.graphsync().hooks().onResponseCompleted((p, r, status) -> completed.add(status));

    assertThatThrownBy(() -> result(pull(requester, responder, Extensions.none())))
        .cause()
        .isInstanceOfSatisfying(
            ResponderFailedException.class,
            e -> assertThat(e.status()).isEqualTo(ResponseStatusCode.REQUEST_FAILED_UNKNOWN));
    await().atMost(WAIT).until(() -> completed.contains(ResponseStatusCode.REQUEST_FAILED_UNKNOWN));
  }

  @Test
  void extensionDataTravelsBothWaysAndHooksSeeEveryStep() throws Exception {
    TestNode responder = network.node(source, HOOKS_ONLY);
    TestNode requester = network.node(new InMemoryBlockstore(), HOOKS_ONLY);
    List<String> seen = new CopyOnWriteArrayList<>();
    responder
        .graphsync()
        .hooks()
        .onRequestQueued((p, request) -> seen.add("queued " + request.extensions().names()));
    responder
        .graphsync()
        .hooks()
        .onIncomingRequest(
            (p, request, actions) -> {
              actions.validateRequest();
              actions.sendExtensionData("fil/data-transfer/incoming-request/1.1", new byte[] {9});
            });
    List<Long> sentSizes = new CopyOnWriteArrayList<>();
    responder.graphsync().hooks().onBlockSent((p, r, block) -> sentSizes.add(block.sizeOnWire()));
    List<ResponseStatusCode> completed = new CopyOnWriteArrayList<>();
    responder.graphsync().hooks().onResponseCompleted((p, r, status) -> completed.add(status));
    requester
        .graphsync()
        .hooks()
        .onIncomingResponse(
            (p, response, actions) -> {
              if (response.extensions().has("fil/data-transfer/incoming-request/1.1")) {
                seen.add("reply");
              }
            });
    List<Optional<GraphsyncException>> finished = new CopyOnWriteArrayList<>();
    requester
        .graphsync()
        .hooks()
        .onRequestFinished((p, request, outcome, failure) -> finished.add(failure));

    RequestResult result =
        result(pull(requester, responder, Extensions.of("fil/data-transfer/1.1", new byte[] {1})));

    assertThat(result.status()).hasValue(ResponseStatusCode.REQUEST_COMPLETED_FULL);
    assertThat(seen).containsExactly("queued [fil/data-transfer/1.1]", "reply");
    await().atMost(WAIT).until(() -> completed.size() == 1 && sentSizes.size() == blocks.size());
    assertThat(completed).containsExactly(ResponseStatusCode.REQUEST_COMPLETED_FULL);
    assertThat(sentSizes).allMatch(size -> size > 0);
    assertThat(finished).containsExactly(Optional.empty());
  }

  @Test
  void incomingBlockHookUpdatesAndThenTerminatesTheRequest() throws Exception {
    TestNode responder = network.node(source, HOOKS_ONLY);
    responder.graphsync().hooks().onIncomingRequest((p, r, actions) -> actions.validateRequest());
    // the responder waits after five blocks, so the update and the cancel find it in progress
    responder
        .graphsync()
        .hooks()
        .onOutgoingBlock(
            (p, r, block, actions) -> {
              if (block.link().equals(blocks.get(4))) {
                actions.pauseResponse();
              }
            });
    List<UpdateRequest> updates = new CopyOnWriteArrayList<>();
    responder.graphsync().hooks().onRequestUpdated((p, r, update, actions) -> updates.add(update));
    List<Integer> cancelled = new CopyOnWriteArrayList<>();
    responder.graphsync().hooks().onRequestorCancelled((p, r) -> cancelled.add(r.id()));
    TestNode requester = network.node(new InMemoryBlockstore(), HOOKS_ONLY);
    requester
        .graphsync()
        .hooks()
        .onIncomingBlock(
            (p, request, block, actions) -> {
              if (block.link().equals(blocks.get(1))) {
                actions.updateRequest(Extensions.of("progress", new byte[] {1}));
              } else if (block.link().equals(blocks.get(3))) {
                actions.terminateWithError("voucher rejected");
              }
            });

    RequestHandle handle = pull(requester, responder, Extensions.none());

    assertThatThrownBy(() -> result(handle))
        .cause()
        .isInstanceOf(RequestTerminatedException.class)
        .hasMessageContaining("voucher rejected");
    await().atMost(WAIT).until(() -> updates.size() == 1 && cancelled.contains(handle.id()));
    assertThat(updates.get(0).extensions().get("progress")).hasValue(new byte[] {1});
    assertThat(requester.store().cids().count()).isEqualTo(4);
  }

  @Test
  void responderHookTerminatesWithAnErrorStatus() throws Exception {
    TestNode responder = network.node(source, HOOKS_ONLY);
    responder
        .graphsync()
        .hooks()
        .onIncomingRequest(
            (p, r, actions) -> {
              actions.validateRequest();
              actions.terminateWithError("no deal");
            });
    TestNode requester = network.node(new InMemoryBlockstore(), HOOKS_ONLY);

    assertThatThrownBy(() -> result(pull(requester, responder, Extensions.none())))
        .cause()
        .isInstanceOfSatisfying(
            ResponderFailedException.class,
            e -> assertThat(e.status()).isEqualTo(ResponseStatusCode.REQUEST_FAILED_UNKNOWN));
  }

  @Test
  void persistenceOptionsPickTheStoresOnBothSidesAndKeyTheDedupSet() throws Exception {
    TestNode responder = network.node(new InMemoryBlockstore(), HOOKS_ONLY);
    responder.graphsync().registerPersistenceOption("deal-source", source);
    List<NewRequest> served = new CopyOnWriteArrayList<>();
    responder
        .graphsync()
        .hooks()
        .onIncomingRequest(
            (p, request, actions) -> {
              served.add(request);
              actions.validateRequest();
              actions.usePersistenceOption("deal-source");
            });
    InMemoryBlockstore dealStore = new InMemoryBlockstore();
    TestNode requester = network.node(new InMemoryBlockstore(), HOOKS_ONLY);
    requester.graphsync().registerPersistenceOption("data-transfer-7", dealStore);
    Subscription choice =
        requester
            .graphsync()
            .hooks()
            .onOutgoingRequest((p, r, actions) -> actions.usePersistenceOption("data-transfer-7"));

    result(pull(requester, responder, Extensions.none()));
    choice.close();

    try (var stored = dealStore.cids()) {
      assertThat(stored).containsExactlyInAnyOrderElementsOf(blocks);
    }
    assertThat(requester.store().cids().count()).isZero();
    assertThat(
            DedupKey.decode(
                served.get(0).extensions().get(ExtensionNames.DEDUP_BY_KEY).orElseThrow()))
        .isEqualTo("data-transfer-7");
  }

  @Test
  void unknownPersistenceOptionOnTheResponderFailsTheResponse() throws Exception {
    TestNode responder = network.node(source, HOOKS_ONLY);
    responder
        .graphsync()
        .hooks()
        .onIncomingRequest(
            (p, request, actions) -> {
              actions.validateRequest();
              actions.usePersistenceOption("nowhere");
            });
    TestNode requester = network.node(new InMemoryBlockstore(), HOOKS_ONLY);

    assertThatThrownBy(() -> result(pull(requester, responder, Extensions.none())))
        .cause()
        .isInstanceOf(ResponderFailedException.class);
  }

  @Test
  void concurrentRequestsOfOnePeerGetEachBlockOnceOnTheWire() throws Exception {
    TestNode responder =
        network.node(
            source,
            GraphsyncOptions.defaults().toBuilder().validation(RequestValidation.ALL).build());
    List<Long> wire = new CopyOnWriteArrayList<>();
    responder.graphsync().hooks().onBlockSent((p, r, block) -> wire.add(block.sizeOnWire()));
    // the first response waits after its root, so the second runs while it is in progress
    responder
        .graphsync()
        .hooks()
        .onOutgoingBlock(
            (p, request, block, actions) -> {
              if (request.id() == 0 && block.link().equals(dag.root())) {
                actions.pauseResponse();
              }
            });
    TestNode requester = network.node(new InMemoryBlockstore(), HOOKS_ONLY);
    ResponseRecorder firstResponses = new ResponseRecorder();
    RequestHandle first = requester.pull(responder, dag.root(), firstResponses);
    await().atMost(WAIT).until(() -> firstResponses.saw(ResponseStatusCode.REQUEST_PAUSED));

    RequestHandle second = pull(requester, responder, Extensions.none());
    assertThat(result(second).status()).hasValue(ResponseStatusCode.REQUEST_COMPLETED_FULL);
    responder
        .graphsync()
        .unpauseResponse(requester.host().peerId(), first.id(), Extensions.none())
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    result(first);

    await().atMost(WAIT).until(() -> wire.size() == 2 * blocks.size());
    assertThat(wire.stream().filter(size -> size > 0).count()).isEqualTo(blocks.size());
    assertThat(Dags.exportFile(requester.store(), dag.root()))
        .isEqualTo(Dags.exportFile(source, dag.root()));
  }
}
