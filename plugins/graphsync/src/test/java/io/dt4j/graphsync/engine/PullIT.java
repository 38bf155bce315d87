package io.dt4j.graphsync.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.graphsync.GraphsyncOptions;
import io.dt4j.graphsync.GraphsyncOptions.RequestValidation;
import io.dt4j.graphsync.RequestResult;
import io.dt4j.graphsync.ResponderFailedException;
import io.dt4j.graphsync.message.ResponseStatusCode;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.unixfs.ImportOptions;
import io.dt4j.ipld.unixfs.ImportResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pulls between two real nodes: whole files, selectors, missing content. */
class PullIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final GraphsyncOptions SERVE_ALL =
      GraphsyncOptions.defaults().toBuilder().validation(RequestValidation.ALL).build();

  private final TestNode.Network network = new TestNode.Network();

  @AfterEach
  void stop() {
    network.close();
  }

  private static RequestResult await(io.dt4j.graphsync.RequestHandle handle) throws Exception {
    return handle.result().toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void pullOfAUnixFsFileStoresEveryBlockAndTheFileExportsIdentical() throws Exception {
    for (ImportOptions layout : List.of(ImportOptions.KUBO, ImportOptions.IPFS_CAR)) {
      byte[] file = Dags.randomBytes(3 << 20, 1);
      InMemoryBlockstore served = new InMemoryBlockstore();
      ImportResult dag = Dags.importFile(served, file, layout);
      TestNode responder = network.node(served, SERVE_ALL);
      TestNode requester = network.node(new InMemoryBlockstore(), SERVE_ALL);

      RequestResult result = await(requester.pull(responder, dag.root()));

      List<Cid> blocks = Dags.allBlocks(served, dag.root());
      assertThat(result.status()).hasValue(ResponseStatusCode.REQUEST_COMPLETED_FULL);
      assertThat(result.blocksReceived()).isEqualTo(blocks.size());
      assertThat(result.missingLinks()).isEmpty();
      try (var stored = requester.store().cids()) {
        assertThat(stored).containsExactlyInAnyOrderElementsOf(blocks);
      }
      assertThat(Dags.exportFile(requester.store(), dag.root())).isEqualTo(file);
    }
  }

  @Test
  void depthLimitedSelectorTransfersExactlyTheBlocksItReaches() throws Exception {
    InMemoryBlockstore served = new InMemoryBlockstore();
    ImportResult dag = Dags.importFile(served, Dags.randomBytes(1 << 20, 2), Dags.NARROW);
    TestNode responder = network.node(served, GraphsyncOptions.defaults());
    TestNode requester = network.node(new InMemoryBlockstore(), GraphsyncOptions.defaults());

    // depth 7: two dag-pb hops below the root (three explore steps per hop, §6.4)
    RequestResult result =
        await(
            requester
                .graphsync()
                .request(responder.host().peerId(), dag.root(), Dags.depthLimited(7)));

    List<Cid> expected = Dags.traversalOrder(served, dag.root(), Dags.depthLimited(7));
    assertThat(expected).hasSizeLessThan(Dags.allBlocks(served, dag.root()).size());
    assertThat(result.status()).hasValue(ResponseStatusCode.REQUEST_COMPLETED_FULL);
    try (var stored = requester.store().cids()) {
      assertThat(stored).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void unlimitedRecursionIsRejectedByGoDefaultValidation() throws Exception {
    InMemoryBlockstore served = new InMemoryBlockstore();
    ImportResult dag = Dags.importFile(served, Dags.randomBytes(100_000, 3), Dags.NARROW);
    TestNode responder = network.node(served, GraphsyncOptions.defaults());
    TestNode requester = network.node(new InMemoryBlockstore(), GraphsyncOptions.defaults());

    var handle = requester.pull(responder, dag.root());

    assertThatThrownBy(() -> await(handle))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(ResponderFailedException.class)
        .hasMessageContaining("Request Failed - Unknown Reason");
    assertThat(requester.store().cids().count()).isZero();
  }

  @Test
  void missingRootFailsWithContentNotFoundAndStoresNothing() throws Exception {
    InMemoryBlockstore served = new InMemoryBlockstore();
    ImportResult dag = Dags.importFile(served, Dags.randomBytes(100_000, 4), Dags.NARROW);
    served.delete(dag.root());
    TestNode responder = network.node(served, SERVE_ALL);
    TestNode requester = network.node(new InMemoryBlockstore(), SERVE_ALL);

    var handle = requester.pull(responder, dag.root());

    assertThatThrownBy(() -> await(handle))
        .cause()
        .isInstanceOfSatisfying(
            ResponderFailedException.class,
            failure ->
                assertThat(failure.status())
                    .isEqualTo(ResponseStatusCode.REQUEST_FAILED_CONTENT_NOT_FOUND));
    assertThat(requester.store().cids().count()).isZero();
  }

  @Test
  void dagWithAMissingLeafCompletesPartialNamingIt() throws Exception {
    InMemoryBlockstore served = new InMemoryBlockstore();
    ImportResult dag = Dags.importFile(served, Dags.randomBytes(200_000, 5), Dags.NARROW);
    List<Cid> all = Dags.allBlocks(served, dag.root());
    Cid lost = all.get(all.size() - 1);
    served.delete(lost);
    TestNode responder = network.node(served, SERVE_ALL);
    TestNode requester = network.node(new InMemoryBlockstore(), SERVE_ALL);

    RequestResult result = await(requester.pull(responder, dag.root()));

    assertThat(result.status()).hasValue(ResponseStatusCode.REQUEST_COMPLETED_PARTIAL);
    assertThat(result.missingLinks()).containsExactly(lost);
    assertThat(requester.store().has(lost)).isFalse();
    assertThat(result.blocksReceived()).isEqualTo(all.size() - 1);
  }

  @Test
  void requestIdsCountUpFromZero() throws Exception {
    InMemoryBlockstore served = new InMemoryBlockstore();
    ImportResult dag = Dags.importFile(served, Dags.randomBytes(1000, 6), Dags.NARROW);
    TestNode responder = network.node(served, SERVE_ALL);
    TestNode requester = network.node(new InMemoryBlockstore(), SERVE_ALL);

    var first = requester.pull(responder, dag.root());
    var second = requester.pull(responder, dag.root());

    assertThat(List.of(first.id(), second.id())).containsExactly(0, 1);
    assertThat(await(first).status())
        .isEqualTo(Optional.of(ResponseStatusCode.REQUEST_COMPLETED_FULL));
    assertThat(await(second).status()).isPresent();
  }
}
