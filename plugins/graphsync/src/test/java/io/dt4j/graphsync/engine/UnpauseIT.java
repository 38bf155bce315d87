package io.dt4j.graphsync.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.graphsync.GraphsyncOptions;
import io.dt4j.graphsync.GraphsyncOptions.RequestValidation;
import io.dt4j.graphsync.RequestHandle;
import io.dt4j.graphsync.RequestNotPausedException;
import io.dt4j.graphsync.RequestResult;
import io.dt4j.graphsync.message.Extensions;
import io.dt4j.graphsync.message.ResponseStatusCode;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.unixfs.ImportResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RequestHandle#unpause} of a request that is running: nothing would carry its extensions
 * (only an unpause re-sends the request), so it fails with {@link RequestNotPausedException}
 * instead of dropping them without a word, and the request goes on.
 */
class UnpauseIT {
  private static final GraphsyncOptions SERVE_ALL =
      GraphsyncOptions.defaults().toBuilder().validation(RequestValidation.ALL).build();

  private final TestNode.Network network = new TestNode.Network();

  @AfterEach
  void stop() {
    network.close();
  }

  @Test
  void unpauseOfARunningRequestFailsAndItsExtensionsAreNeverSent() throws Exception {
    InMemoryBlockstore source = new InMemoryBlockstore();
    ImportResult dag = Dags.importFile(source, Dags.randomBytes(200_000, 12), Dags.NARROW);
    GatedBlockstore gated = GatedBlockstore.gate(source, Dags.allBlocks(source, dag.root()).get(3));
    TestNode responder = network.node(gated, SERVE_ALL);
    List<Extensions> seen = new CopyOnWriteArrayList<>();
    responder.graphsync().hooks().onIncomingRequest((p, r, a) -> seen.add(r.extensions()));
    responder.graphsync().hooks().onRequestUpdated((p, r, u, a) -> seen.add(u.extensions()));
    TestNode requester = network.node(new InMemoryBlockstore(), SERVE_ALL);

    RequestHandle handle = requester.pull(responder, dag.root());
    gated.awaitReached();

    assertThatThrownBy(
            () ->
                handle
                    .unpause(Extensions.of("note", new byte[] {1}))
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOf(RequestNotPausedException.class)
        .hasMessageContaining("is not paused");
    gated.open();
    RequestResult result = handle.result().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(result.status()).hasValue(ResponseStatusCode.REQUEST_COMPLETED_FULL);
    assertThat(seen).isNotEmpty().noneMatch(extensions -> extensions.get("note").isPresent());
  }
}
