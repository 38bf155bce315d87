package io.dt4j.graphsync.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.graphsync.GraphsyncOptions;
import io.dt4j.graphsync.GraphsyncOptions.RequestValidation;
import io.dt4j.graphsync.RequestResult;
import io.dt4j.graphsync.message.ResponseStatusCode;
import io.dt4j.ipld.Block;
import io.dt4j.ipld.Blockstore;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.unixfs.ImportOptions;
import io.dt4j.ipld.unixfs.ImportResult;
import io.dt4j.ipld.unixfs.UnixFsImporter;
import java.io.InputStream;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Pulls far larger than the buffers: the responder's queue and the requester's cache stay within
 * their bounds, whatever the DAG's size; and the throughput of a large pull between two nodes in
 * one JVM, printed for the record (size set by {@code -Ddt4j.graphsync.pull.mib}, default 256).
 */
class LargeDagIT {
  /** Go's chunker (256 KiB) with raw leaves and CIDv1, as Filecoin deals store files. */
  private static final ImportOptions LAYOUT = new ImportOptions(256 << 10, true, 1, 174);

  private final TestNode.Network network = new TestNode.Network();

  @AfterEach
  void stop() {
    network.close();
  }

  /** Imports {@code size} pseudo-random bytes without holding them, only the blocks. */
  private static ImportResult importRandom(Blockstore store, long size) throws Exception {
    Random random = new Random(size);
    InputStream in =
        new InputStream() {
          private long left = size;

          @Override
          public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (left == 0) {
              return -1;
            }
            int n = (int) Math.min(len, left);
            byte[] chunk = new byte[n];
            random.nextBytes(chunk);
            System.arraycopy(chunk, 0, b, off, n);
            left -= n;
            return n;
          }
        };
    return UnixFsImporter.importFile(in, LAYOUT, store::put);
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
    ImportResult dag = importRandom(source, 64L << 20);
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
        .isLessThanOrEqualTo(queueLimit + LAYOUT.chunkSize());
    // the requester holds about one message of unverified blocks, not the DAG
    assertThat(requester.graphsync().stats().maxUnverifiedBytes()).isLessThanOrEqualTo(2 << 20);
  }

  @Test
  void throughputOfALargePullAgainstTheRawStream() throws Exception {
    long mib = Long.getLong("dt4j.graphsync.pull.mib", 256);
    GraphsyncOptions options =
        GraphsyncOptions.defaults().toBuilder().validation(RequestValidation.ALL).build();
    InMemoryBlockstore source = new InMemoryBlockstore();
    ImportResult dag = importRandom(source, mib << 20);
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

  /** Wall and process CPU time of one transfer. */
  private static final class Measure {
    private static final com.sun.management.OperatingSystemMXBean OS =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private final long wallStart = System.nanoTime();
    private final long cpuStart = OS.getProcessCpuTime();
    private double seconds;
    private double cpuSeconds;
    private long bytes;

    static Measure start() {
      return new Measure();
    }

    void stop(long transferred) {
      seconds = (System.nanoTime() - wallStart) / 1e9;
      cpuSeconds = (OS.getProcessCpuTime() - cpuStart) / 1e9;
      bytes = transferred;
    }

    double megabytesPerSecond() {
      return bytes / 1e6 / seconds;
    }

    @Override
    public String toString() {
      return String.format(
          "%.1f MB/s (%.2f s, %.2f CPU-s)", megabytesPerSecond(), seconds, cpuSeconds);
    }
  }

  /** A small pull first, so connection set-up and JIT warm-up stay out of the measurement. */
  private static long warmUp(TestNode requester, TestNode responder) throws Exception {
    InMemoryBlockstore small = new InMemoryBlockstore();
    ImportResult warm = importRandom(small, 8L << 20);
    small
        .cids()
        .forEach(cid -> responder.store().put(new Block(cid, small.get(cid).orElseThrow())));
    requester.pull(responder, warm.root()).result().toCompletableFuture().get(60, TimeUnit.SECONDS);
    return warm.bytesWritten();
  }
}
