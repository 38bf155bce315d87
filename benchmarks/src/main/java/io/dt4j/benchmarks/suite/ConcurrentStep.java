package io.dt4j.benchmarks.suite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Many small pulls at once between two daemon processes on one JDK, through the admin API: the
 * provider imports {@code n} distinct 16 KiB files, then the receiver is asked to pull all of them,
 * the open requests {@link #OPENERS} at a time (the bound); every channel runs concurrently once
 * open. Reports channels per second (first open to last end), the p50 and p99 latency from open
 * request to Completed, and how many channels did not complete.
 */
final class ConcurrentStep {
  static final int OPENERS = 16;
  private static final int FILE_SIZE = 16 << 10;

  /**
   * The provider's per-peer limits raised for the one receiver that opens every pull: this step
   * measures how many channels the node carries, not the flood guard (whose defaults, 256 open
   * channels and 20 new requests a second per peer, would reject most of them).
   */
  private static final Map<String, String> ONE_BUSY_PEER =
      Map.of(
          "DT4J_LIMITS_MAX_CHANNELS_PER_PEER", "100000",
          "DT4J_LIMITS_REQUESTS_PER_SECOND", "100000",
          "DT4J_LIMITS_REQUEST_BURST", "100000");

  private final SuiteOptions options;
  private final SuiteOptions.Jdk jdk;
  private final Path work;

  ConcurrentStep(SuiteOptions options, SuiteOptions.Jdk jdk) {
    this.options = options;
    this.jdk = jdk;
    this.work = options.work().resolve("concurrent-" + jdk.label());
  }

  /** One pull: when its open request started, and its channel id or why it did not open. */
  private record Opened(long start, String channel, String error) {}

  void run(Recorder recorder) throws Exception {
    String label = jdk.label();
    recorder.expect(FigureNames.CONCURRENT_RATE, label, "ch/s", 1);
    recorder.expect(FigureNames.CONCURRENT_P50, label, "ms", 1);
    recorder.expect(FigureNames.CONCURRENT_P99, label, "ms", 1);
    recorder.expect(FigureNames.CONCURRENT_ERRORS, label, "count", 1);
    TestFiles.deleteTree(work);
    int n = options.concurrentPulls();
    try (DaemonNode provider =
            DaemonNode.start(options, jdk.home(), work.resolve("provider"), ONE_BUSY_PEER);
        DaemonNode receiver = DaemonNode.start(options, jdk.home(), work.resolve("receiver"));
        ChannelWatch watch = new ChannelWatch(receiver.api())) {
      List<String> roots = importSmallFiles(provider, n);
      List<Opened> opened = openAll(receiver, provider.address(), roots);
      List<Double> latencies = new ArrayList<>();
      long last = 0;
      int errors = 0;
      long deadline = System.nanoTime() + options.concurrentEndWait().toNanos();
      for (Opened open : opened) {
        Optional<ChannelWatch.End> end =
            open.channel() == null ? Optional.empty() : watch.awaitUntil(open.channel(), deadline);
        if (end.isEmpty() || !end.get().completed()) {
          errors++;
          progress(open, end);
          continue;
        }
        latencies.add((end.get().nanos() - open.start()) / 1e6);
        last = Math.max(last, end.get().nanos());
      }
      recorder.add(FigureNames.CONCURRENT_ERRORS, label, "count", errors);
      if (latencies.isEmpty()) {
        throw new StepException("no pull completed; first error: " + firstError(opened));
      }
      long first = opened.stream().mapToLong(Opened::start).min().orElseThrow();
      recorder.add(
          FigureNames.CONCURRENT_RATE, label, "ch/s", latencies.size() / ((last - first) / 1e9));
      List<Double> sorted = latencies.stream().sorted().toList();
      recorder.add(FigureNames.CONCURRENT_P50, label, "ms", percentile(sorted, 50));
      recorder.add(FigureNames.CONCURRENT_P99, label, "ms", percentile(sorted, 99));
    }
  }

  private List<String> importSmallFiles(DaemonNode provider, int n) throws Exception {
    Path dir = Files.createDirectories(work.resolve("files"));
    byte[] content = new byte[FILE_SIZE];
    List<String> roots = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      new java.util.SplittableRandom(i).nextBytes(content);
      Path file = Files.write(dir.resolve(i + ".bin"), content);
      roots.add(
          provider
              .api()
              .post("ClientImport", TransferStep.importRequest(file), Duration.ofSeconds(30))
              .path("root")
              .asText());
    }
    return roots;
  }

  private static List<Opened> openAll(DaemonNode receiver, String address, List<String> roots)
      throws InterruptedException {
    ExecutorService openers = Executors.newFixedThreadPool(OPENERS);
    try {
      List<Future<Opened>> futures = new ArrayList<>();
      for (String root : roots) {
        futures.add(openers.submit(() -> open(receiver, address, root)));
      }
      List<Opened> opened = new ArrayList<>();
      for (Future<Opened> future : futures) {
        try {
          opened.add(future.get());
        } catch (java.util.concurrent.ExecutionException e) {
          opened.add(new Opened(System.nanoTime(), null, e.getCause().toString()));
        }
      }
      return opened;
    } finally {
      openers.shutdownNow();
    }
  }

  private static Opened open(DaemonNode receiver, String address, String root) {
    long start = System.nanoTime();
    try {
      String id =
          receiver
              .api()
              .post("OpenPullDataChannel", TransferStep.open(address, root), Duration.ofSeconds(60))
              .path("channel")
              .asText();
      return new Opened(start, id, null);
    } catch (Exception e) {
      return new Opened(start, null, e.getMessage());
    }
  }

  /** One line on stderr per channel that did not complete, for the log of the run. */
  private void progress(Opened open, Optional<ChannelWatch.End> end) {
    String why =
        open.channel() == null
            ? "not opened: " + open.error()
            : end.map(e -> "ended " + e.status() + ": " + e.message())
                .orElse(
                    "no end within "
                        + options.concurrentEndWait().toSeconds()
                        + " s of the last open");
    System.err.printf("   concurrent pull on JDK %s: %s %s%n", jdk.label(), open.channel(), why);
  }

  private static String firstError(List<Opened> opened) {
    return opened.stream().map(Opened::error).filter(e -> e != null).findFirst().orElse("none");
  }

  /** The nearest-rank percentile of sorted values. */
  static double percentile(List<Double> sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }
}
