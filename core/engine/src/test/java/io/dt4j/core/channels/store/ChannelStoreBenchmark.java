package io.dt4j.core.channels.store;

import io.dt4j.api.Status;
import io.dt4j.core.channels.ChannelRecord;
import io.dt4j.core.channels.CidSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.mvstore.MVStoreTool;

/**
 * Measures the store (not a test): transitions persisted per second for one channel, for 1000
 * channels round-robin and for 8 writer threads, with and without fsync; then the file size and the
 * time for one channel with 1,000,000 received CIDs (CIDv1 raw sha2-256). Run from core/engine with
 * the test class path; argument: a scratch directory.
 */
public final class ChannelStoreBenchmark {
  private ChannelStoreBenchmark() {}

  /**
   * Runs every measurement.
   *
   * @param args a scratch directory (default: a new temporary one), the number of CIDs (default
   *     1,000,000), and {@code cids-only} to skip the transition measurements
   * @throws Exception if a measurement fails
   */
  public static void main(String[] args) throws Exception {
    Path root = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("dt4j-bench");
    int cids = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    boolean cidsOnly = args.length > 2 && args[2].equals("cids-only");
    for (boolean fsync : cidsOnly ? new boolean[0] : new boolean[] {false, true}) {
      int writes = fsync ? 2_000 : 50_000;
      transitions(root.resolve("warmup-" + fsync), 1, writes / 5, fsync);
      report(
          "1 channel", fsync, writes, transitions(root.resolve("one-" + fsync), 1, writes, fsync));
      report(
          "1000 channels round-robin",
          fsync,
          writes,
          transitions(root.resolve("many-" + fsync), 1000, writes, fsync));
      report(
          "8 threads x 1 channel each",
          fsync,
          writes,
          concurrent(root.resolve("threads-" + fsync), writes, fsync));
    }
    receivedCids(root.resolve("million"), cids);
  }

  private static void report(String what, boolean fsync, int writes, long nanos) {
    System.out.printf(
        "%-28s fsync=%-5s %8d writes %10.0f transitions/s%n",
        what, fsync, writes, writes / (nanos / 1e9));
  }

  private static MvStoreChannelStore open(Path dir, boolean fsync) {
    return MvStoreChannelStore.open(dir, new MvStoreChannelStore.Options(fsync));
  }

  /** Returns the nanoseconds taken by {@code writes} transitions spread round-robin. */
  private static long transitions(Path dir, int channels, int writes, boolean fsync) {
    try (MvStoreChannelStore store = open(dir, fsync)) {
      ChannelRecord[] records = new ChannelRecord[channels];
      for (int n = 0; n < channels; n++) {
        records[n] = SampleChannels.created(n);
        store.save(records[n]);
      }
      long start = System.nanoTime();
      for (int i = 0; i < writes; i++) {
        int n = i % channels;
        records[n] = SampleChannels.transitioned(records[n], next(records[n].status()));
        store.save(records[n]);
      }
      return System.nanoTime() - start;
    }
  }

  private static long concurrent(Path dir, int writes, boolean fsync) throws Exception {
    try (MvStoreChannelStore store = open(dir, fsync)) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> done = new ArrayList<>();
      long start = System.nanoTime();
      for (int t = 0; t < 8; t++) {
        long n = t;
        done.add(
            pool.submit(
                () -> {
                  ChannelRecord record = SampleChannels.created(n);
                  for (int i = 0; i < writes / 8; i++) {
                    record = SampleChannels.transitioned(record, next(record.status()));
                    store.save(record);
                  }
                }));
      }
      for (Future<?> future : done) {
        future.get();
      }
      pool.shutdown();
      return System.nanoTime() - start;
    }
  }

  private static Status next(Status status) {
    return status == Status.ONGOING ? Status.INITIATOR_PAUSED : Status.ONGOING;
  }

  private static void receivedCids(Path dir, int cids) throws IOException {
    Path file = dir.resolve(MvStoreChannelStore.FILE_NAME);
    long start = System.nanoTime();
    try (MvStoreChannelStore store = open(dir, false)) {
      ChannelRecord record = SampleChannels.created(1);
      store.save(record);
      for (int i = 0; i < cids; i++) {
        record = SampleChannels.receivedBlock(record, 1 << 18);
        store.save(record, CidSet.DATA_RECEIVED, SampleChannels.cid(i));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "%d received CIDs on 1 channel: %.1f s (%.0f CIDs/s), file %.1f MB open%n",
          cids, seconds, cids / seconds, Files.size(file) / 1e6);
      long count = System.nanoTime();
      long[] seen = new long[1];
      store.forEach(SampleChannels.channel(1), CidSet.DATA_RECEIVED, cid -> seen[0]++);
      System.out.printf(
          "forEach over %d CIDs: %.2f s%n", seen[0], (System.nanoTime() - count) / 1e9);
    }
    System.out.printf(
        "file after close: %.1f MB (%.1f bytes per CID)%n",
        Files.size(file) / 1e6, Files.size(file) / (double) cids);
    Path copy = dir.resolve("compacted.mv.db");
    Files.copy(file, copy);
    long compactStart = System.nanoTime();
    MVStoreTool.compact(copy.toString(), false);
    System.out.printf(
        "live data (offline compaction of a copy, %.1f s): %.1f MB (%.1f bytes per CID)%n",
        (System.nanoTime() - compactStart) / 1e9,
        Files.size(copy) / 1e6,
        Files.size(copy) / (double) cids);
  }
}
