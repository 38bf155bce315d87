package io.dt4j.graphsync.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.ChannelId;
import io.dt4j.api.Status;
import io.dt4j.ipld.Block;
import io.dt4j.ipld.Blockstore;
import io.dt4j.ipld.InMemoryBlockstore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's flood: while a third peer opens 10 000 data-transfer streams carrying 10 000 New
 * requests at a provider (at most a minute), a client's pull from that provider still completes
 * with every byte, the flooder is throttled, answered, cut off and disconnected, and the provider
 * serves the client afterwards. Rounds alternate an unloaded pull and a pull under a fresh
 * flooder's flood; the loaded/unloaded rate ratios are printed with their median, not asserted
 * (timing goals live in the benchmarks). {@code -Ddt4j.flood.mib=128} sets the pull size (default
 * 64), {@code -Ddt4j.flood.rounds=5} the rounds (default 3).
 */
class FloodIT {
  private static final int STREAMS = 10_000;
  private static final Duration BOUND = Duration.ofSeconds(60);

  @Test
  void pullsCompleteWhileAnotherPeerFloodsTheProvider() throws Exception {
    int mib = Integer.getInteger("dt4j.flood.mib", 64);
    int rounds = Integer.getInteger("dt4j.flood.rounds", 3);
    TestFile warm = TestFile.random(8 << 20, 1);
    TestFile file = TestFile.random(mib << 20, 2);
    try (TransferNode provider = new TransferNode("provider", union(warm, file));
        TransferNode client = new TransferNode("client", new InMemoryBlockstore())) {
      client.knows(provider);
      pull(client, provider, warm);
      List<Double> ratios = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        double unloaded = pull(client, provider, file);
        try (Flooder flooder = new Flooder()) {
          flooder.targets(provider);
          double loaded = pullUnderFlood(client, provider, file, flooder);
          ratios.add(loaded / unloaded);
          report(round, mib, unloaded, loaded, flooder);
          assertThat(flooder.written.get() + flooder.failed.get())
              .as("streams tried")
              .isGreaterThanOrEqualTo(STREAMS / 10);
          assertThat(flooder.answersHeard.get()).as("answers heard").isPositive();
          assertThat(flooder.disconnects.get()).as("times disconnected").isPositive();
        }
        pull(client, provider, warm); // served after the flood
      }
      System.out.printf(
          "flood: median loaded/unloaded = %.2f over %d rounds %s%n",
          ratios.stream().sorted().toList().get(rounds / 2),
          rounds,
          ratios.stream().map(r -> String.format("%.2f", r)).toList());
    }
  }

  private static double pullUnderFlood(
      TransferNode client, TransferNode provider, TestFile file, Flooder flooder) throws Exception {
    CompletableFuture<Void> flood =
        flooder.flood(provider.host.peerId(), file.root(), STREAMS, BOUND);
    Awaitility.await("the flood starts")
        .atMost(Duration.ofSeconds(30))
        .until(() -> flooder.written.get() + flooder.failed.get() >= 100 || flood.isDone());
    double loaded = pull(client, provider, file);
    flooder.overlapped = !flood.isDone();
    flood.get(BOUND.toSeconds() + 30, TimeUnit.SECONDS);
    return loaded;
  }

  private static void report(int round, int mib, double unloaded, double loaded, Flooder flooder) {
    System.out.printf(
        "flood round %d: %d MiB pull unloaded %.1f MiB/s, under flood %.1f MiB/s,"
            + " loaded/unloaded = %.2f (flood still running at the end: %s); flooder opened %d"
            + " streams, wrote %d requests, %d failed, heard %d answers, was disconnected %d"
            + " times, in %.1f s; %d cores, JDK %s%n",
        round,
        mib,
        unloaded,
        loaded,
        loaded / unloaded,
        flooder.overlapped,
        flooder.opened.get(),
        flooder.written.get(),
        flooder.failed.get(),
        flooder.answersHeard.get(),
        flooder.disconnects.get(),
        flooder.took.toMillis() / 1000.0,
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());
  }

  /**
   * Pulls a file into the client, checks every block, then forgets the blocks (so that the next
   * pull of the file moves them all again); returns the rate in MiB/s.
   */
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
    file.store().cids().forEach(client.blocks::delete);
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
