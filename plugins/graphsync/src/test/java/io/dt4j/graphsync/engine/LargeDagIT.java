package io.dt4j.graphsync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.graphsync.GraphsyncOptions;
import io.dt4j.graphsync.GraphsyncOptions.RequestValidation;
import io.dt4j.graphsync.RequestResult;
import io.dt4j.graphsync.message.ResponseStatusCode;
import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.unixfs.ImportResult;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pulls far larger than the buffers: the responder's queue and the requester's cache stay within
 * their bounds, whatever the DAG's size; and the throughput of a large pull between two nodes in
 * one JVM, printed for the record (size set by {@code -Ddt4j.graphsync.pull.mib}, default 256).
 */
class LargeDagIT {
  private final TestNode.Network network = new TestNode.Network();

  @AfterEach
  void stop() {
    network.close();
  }

  @Test
  void buffersStayWithinTheirBoundsOnADagMuchLargerThanThem() throws Exception {
    long queueLimit = 2 << 20;
    GraphsyncOptions options =
        GraphsyncOptions.defaults().toBuilder()
            .validation(RequestValidation.ALL)
            .maxQueuedBytesPerPeer(queueLimit)
            .build();
    InMemoryBlockstore source = new InMemoryBlockstore();
    ImportResult dag = Dags.importRandom(source, 64L << 20);
    List<Cid> blocks = Dags.allBlocks(source, dag.root());
    DiscardingBlockstore sink = new DiscardingBlockstore();
    TestNode responder = network.node(source, options);
    TestNode requester = network.node(sink, options);

    RequestResult result =
        requester
            .pull(responder, dag.root())
            .result()
            .toCompletableFuture()
            .get(120, TimeUnit.SECONDS);

    assertThat(result.status()).hasValue(ResponseStatusCode.REQUEST_COMPLETED_FULL);
    assertThat(result.blocksReceived()).isEqualTo(blocks.size());
    assertThat(sink.bytes()).isEqualTo(dag.bytesWritten());
    // at most one block beyond the limit: the check comes before a block is queued
    assertThat(responder.graphsync().stats().maxQueuedBytes())
        .isLessThanOrEqualTo(queueLimit + Dags.GO_LAYOUT.chunkSize());
    // the requester holds about one message of unverified blocks, not the DAG
    assertThat(requester.graphsync().stats().maxUnverifiedBytes()).isLessThanOrEqualTo(2 << 20);
  }

  @Test
  void throughputOfALargePullAgainstTheRawStream() throws Exception {
    long mib = Long.getLong("dt4j.graphsync.pull.mib", 256);
    GraphsyncOptions options =
        GraphsyncOptions.defaults().toBuilder().validation(RequestValidation.ALL).build();
    InMemoryBlockstore source = new InMemoryBlockstore();
    ImportResult dag = Dags.importRandom(source, mib << 20);
    DiscardingBlockstore sink = new DiscardingBlockstore();
    TestNode responder = network.node(source, options);
    TestNode requester = network.node(sink, options);
    long warmUpBytes = warmUp(requester, responder);
    RawStream.serveSink(requester.host());
    RawStream.send(responder.host(), requester.host().peerId(), 8L << 20);

    Measure raw = Measure.start();
    RawStream.send(responder.host(), requester.host().peerId(), dag.bytesWritten());
    raw.stop(dag.bytesWritten());
    Measure pull = Measure.start();
    RequestResult result =
        requester
            .pull(responder, dag.root())
            .result()
            .toCompletableFuture()
            .get(600, TimeUnit.SECONDS);
    pull.stop(result.bytesReceived());

    assertThat(result.status()).hasValue(ResponseStatusCode.REQUEST_COMPLETED_FULL);
    assertThat(sink.bytes()).isEqualTo(warmUpBytes + dag.bytesWritten());
    System.out.printf(
        "%d MiB between two nodes in one JVM (JDK %s, %d cores): raw stream %s;"
            + " graphsync pull (%d blocks) %s; pull/raw = %.2f%n",
        mib,
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        raw,
        result.blocksReceived(),
        pull,
        pull.megabytesPerSecond() / raw.megabytesPerSecond());
  }

  /** A small pull first, so connection set-up and JIT warm-up stay out of the measurement. */
  private static long warmUp(TestNode requester, TestNode responder) throws Exception {
    InMemoryBlockstore small = new InMemoryBlockstore();
    ImportResult warm = Dags.importRandom(small, 8L << 20);
    small
        .cids()
        .forEach(cid -> responder.store().put(new Block(cid, small.get(cid).orElseThrow())));
    requester.pull(responder, warm.root()).result().toCompletableFuture().get(60, TimeUnit.SECONDS);
    return warm.bytesWritten();
  }
}
