package io.dt4j.graphsync.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.ChannelId;
import io.dt4j.api.Status;
import io.dt4j.ipld.Block;
import io.dt4j.ipld.Blockstore;
import io.dt4j.ipld.InMemoryBlockstore;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's flood: while a third peer opens 10 000 data-transfer streams carrying 10 000 New
 * requests at a provider (at most a minute), a client's pull from that provider still completes
 * with every byte, the flooder is throttled, answered, cut off and disconnected, and the provider
 * serves the client afterwards. The loaded/unloaded rate ratio is printed, not asserted (timing
 * goals live in the benchmarks); {@code -Ddt4j.flood.mib=128} sets the pull size (default 64).
 */
class FloodIT {
  private static final int STREAMS = 10_000;
  private static final Duration BOUND = Duration.ofSeconds(60);

  @Test
  void aPullCompletesWhileAnotherPeerFloodsTheProvider() throws Exception {
    int mib = Integer.getInteger("dt4j.flood.mib", 64);
    TestFile warm = TestFile.random(8 << 20, 1);
    TestFile unloaded = TestFile.random(mib << 20, 2);
    TestFile loaded = TestFile.random(mib << 20, 3);
    TestFile after = TestFile.random(1 << 20, 4);
    InMemoryBlockstore source = union(warm, unloaded, loaded, after);
    try (TransferNode provider = new TransferNode("provider", source);
        TransferNode client = new TransferNode("client", new InMemoryBlockstore());
        Flooder flooder = new Flooder()) {
      client.knows(provider);
      flooder.targets(provider);
      pull(client, provider, warm);

      double unloadedRate = pull(client, provider, unloaded);
      CompletableFuture<Void> flood =
          flooder.flood(provider.host.peerId(), warm.root(), STREAMS, BOUND);
      Awaitility.await("the flood starts")
          .atMost(Duration.ofSeconds(30))
          .until(() -> flooder.written.get() + flooder.failed.get() >= 100 || flood.isDone());
      double loadedRate = pull(client, provider, loaded);
      boolean overlapped = !flood.isDone();
      flood.get(BOUND.toSeconds() + 30, TimeUnit.SECONDS);

      pull(client, provider, after);
      System.out.printf(
          "flood: %d MiB pull unloaded %.1f MiB/s, under flood %.1f MiB/s, loaded/unloaded = %.2f"
              + " (flood still running at the end: %s); flooder opened %d streams, wrote %d"
              + " requests, %d failed, heard %d answers, was disconnected %d times, in %.1f s;"
              + " %d cores,"
              + " JDK %s%n",
          mib,
          unloadedRate,
          loadedRate,
          loadedRate / unloadedRate,
          overlapped,
          flooder.opened.get(),
          flooder.written.get(),
          flooder.failed.get(),
          flooder.answersHeard.get(),
          flooder.disconnects.get(),
          flooder.took.toMillis() / 1000.0,
          Runtime.getRuntime().availableProcessors(),
          Runtime.version());
      assertThat(flooder.written.get() + flooder.failed.get())
          .as("streams tried")
          .isGreaterThanOrEqualTo(STREAMS / 10);
      assertThat(flooder.answersHeard.get()).as("answers heard").isPositive();
      assertThat(flooder.disconnects.get()).as("times disconnected").isPositive();
      assertThat(client.host.connectedPeers()).contains(provider.host.peerId());
    }
  }

  /** Pulls a file into the client, checks every block, returns the rate in MiB/s. */
  private static double pull(TransferNode client, TransferNode provider, TestFile file)
      throws Exception {
    long start = System.nanoTime();
    ChannelId channel = client.pull(provider, file.root());
    client.awaitCompletion(channel);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertThat(client.manager.transferChannelStatus(channel)).isEqualTo(Status.COMPLETED);
    assertThat(holdsAllOf(client.blocks, file))
        .as("every block of the pull, byte for byte")
        .isTrue();
    return file.blockBytes() / (1024.0 * 1024.0) / seconds;
  }

  private static boolean holdsAllOf(Blockstore store, TestFile file) {
    return file.store()
        .cids()
        .allMatch(
            cid ->
                store.get(cid).isPresent()
                    && Arrays.equals(store.get(cid).get(), file.store().get(cid).get()));
  }

  private static InMemoryBlockstore union(TestFile... files) {
    InMemoryBlockstore union = new InMemoryBlockstore();
    for (TestFile file : files) {
      file.store().cids().forEach(cid -> union.put(new Block(cid, file.store().get(cid).get())));
    }
    return union;
  }
}
