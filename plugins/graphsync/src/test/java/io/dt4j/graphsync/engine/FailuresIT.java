package io.dt4j.graphsync.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.graphsync.GraphsyncOptions;
import io.dt4j.graphsync.GraphsyncOptions.RequestValidation;
import io.dt4j.graphsync.NetworkException;
import io.dt4j.graphsync.RequestCancelledException;
import io.dt4j.graphsync.RequestHandle;
import io.dt4j.graphsync.RequestTimeoutException;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.unixfs.ImportResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A request never hangs: silence, an unreachable peer and a closing node all end it. */
class FailuresIT {
  private static final GraphsyncOptions OPTIONS =
      GraphsyncOptions.defaults().toBuilder()
          .validation(RequestValidation.ALL)
          .requestIdleTimeout(Duration.ofMillis(500))
          .sendAttempts(2, Duration.ofMillis(20))
          .build();

  private final TestNode.Network network = new TestNode.Network();

  @AfterEach
  void stop() {
    network.close();
  }

  private static Throwable failure(RequestHandle handle) {
    return org.assertj.core.api.Assertions.catchThrowable(
            () -> handle.result().toCompletableFuture().get(30, TimeUnit.SECONDS))
        .getCause();
  }

  @Test
  void silentResponderTimesTheRequestOut() throws Exception {
    InMemoryBlockstore source = new InMemoryBlockstore();
    ImportResult dag = Dags.importFile(source, Dags.randomBytes(10_000, 41), Dags.NARROW);
    TestNode responder = network.node(source, OPTIONS);
    // validated and paused at once: the response sends status 15 and then nothing
    responder.graphsync().hooks().onIncomingRequest((p, r, actions) -> actions.pauseResponse());
    List<Integer> cancelled = new CopyOnWriteArrayList<>();
    responder.graphsync().hooks().onRequestorCancelled((p, r) -> cancelled.add(r.id()));
    TestNode requester = network.node(new InMemoryBlockstore(), OPTIONS);

    RequestHandle handle = requester.pull(responder, dag.root());

    assertThat(failure(handle))
        .isInstanceOf(RequestTimeoutException.class)
        .hasMessageContaining("received nothing for PT0.5S");
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> cancelled.contains(handle.id()));
  }

  @Test
  void unreachablePeerFailsTheRequestAfterTheSendAttempts() throws Exception {
    TestNode gone = network.node(new InMemoryBlockstore(), OPTIONS);
    TestNode requester = network.node(new InMemoryBlockstore(), OPTIONS);
    ImportResult dag =
        Dags.importFile(new InMemoryBlockstore(), Dags.randomBytes(1000, 42), Dags.NARROW);
    gone.graphsync().close();
    gone.host().close();

    RequestHandle handle = requester.pull(gone, dag.root());

    assertThat(failure(handle)).isInstanceOf(NetworkException.class);
  }

  @Test
  void closingTheNodeCancelsItsRequests() throws Exception {
    InMemoryBlockstore source = new InMemoryBlockstore();
    ImportResult dag = Dags.importFile(source, Dags.randomBytes(10_000, 43), Dags.NARROW);
    TestNode responder = network.node(source, OPTIONS);
    responder.graphsync().hooks().onIncomingRequest((p, r, actions) -> actions.pauseResponse());
    TestNode requester = network.node(new InMemoryBlockstore(), OPTIONS);
    RequestHandle handle = requester.pull(responder, dag.root());

    requester.graphsync().close();

    assertThat(failure(handle)).isInstanceOf(RequestCancelledException.class);
    assertThatThrownBy(() -> requester.pull(responder, dag.root()))
        .isInstanceOf(IllegalStateException.class);
  }
}
