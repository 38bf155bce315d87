package io.dt4j.benchmarks.libp2p;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Single-stream libp2p throughput over 127.0.0.1 between separate processes, in one run: dt4j to
 * dt4j on every given JDK, js-libp2p to js-libp2p, and dt4j to and from js, each on yamux and
 * mplex, both directions. Every pair of processes keeps one connection; each cell first gets the
 * same warm-up rounds (so the JVMs' JITs and node's are equally warm), then the rounds run
 * interleaved (round 1 of every cell, then round 2, ...), so that a change in the machine's load
 * hits all cells alike. Prints the median per cell and the ratios dt4j/js. Start it through {@code
 * benchmarks/libp2p-throughput.sh}, which builds and installs what it needs.
 *
 * <pre>
 * ThroughputRun --java 17=/usr/lib/jvm/java-17-openjdk-amd64 --java 25=/usr/lib/jvm/temurin-25-jdk-amd64
 *               [--js-peer DIR] [--mixed-java 25] [--muxers yamux,mplex] [--bytes N] [--warmup-rounds W]
 *               [--rounds R] [--jvm-option OPT]... [--log-dir DIR] [--classpath CP]
 * </pre>
 */
public final class ThroughputRun {
  private final ThroughputOptions options;
  private final PrintStream out;
  private final PrintStream progress;
  private final List<Pair> pairs;
  private final Map<Pair, String> failures = new LinkedHashMap<>();
  private final ThroughputTable table = new ThroughputTable();

  private ThroughputRun(ThroughputOptions options, PrintStream out, PrintStream progress) {
    this.options = options;
    this.out = out;
    this.progress = progress;
    this.pairs = options.pairs();
  }

  /**
   * Runs the measurement and prints the table on stdout, progress on stderr.
   *
   * @param args see the class comment
   */
  public static void main(String[] args) throws IOException {
    ThroughputOptions options;
    try {
      options = ThroughputOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("ThroughputRun: " + e.getMessage());
      System.exit(2);
      return;
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
    ThroughputRun run = new ThroughputRun(options, out, err);
    Runtime.getRuntime().addShutdownHook(new Thread(run::closeAll, "close peers"));
    run.run();
  }

  private void run() throws IOException {
    Files.createDirectories(options.logDir());
    String loadBefore = loadAverage();
    for (Pair pair : pairs) {
      guarded(pair, "start", () -> pair.start(options.logDir()));
    }
    for (int round = 1; round <= options.warmupRounds(); round++) {
      runRound("warm-up " + round, false);
    }
    for (int round = 1; round <= options.rounds(); round++) {
      runRound("round " + round, true);
    }
    report(loadBefore);
    closeAll();
  }

  /** One transfer per pair and direction, in a fixed order; recorded if {@code measured}. */
  private void runRound(String name, boolean measured) {
    for (Pair pair : pairs) {
      for (Direction direction : Direction.values()) {
        guarded(
            pair,
            name,
            () -> {
              Pair.Transfer transfer = transfer(pair, direction, options.bytes(), name);
              if (measured) {
                table.add(pair, direction, transfer);
              }
            });
      }
    }
  }

  private Pair.Transfer transfer(Pair pair, Direction direction, long bytes, String what) {
    Pair.Transfer transfer = pair.transfer(direction, bytes);
    progress.printf(
        Locale.ROOT,
        "%s: %s dials %s, %s, %s: %.1f MB/s, %.1f MB/cpu-s (cpu: dialer %.2f s, listener %.2f"
            + " s)%n",
        what,
        pair.dialer().label(),
        pair.listener().label(),
        pair.muxer(),
        direction.command(),
        transfer.mbPerSecond(),
        transfer.mbPerCpuSecond(),
        transfer.dialerCpu().toNanos() / 1e9,
        transfer.listenerCpu().toNanos() / 1e9);
    return transfer;
  }

  /** Runs a step of a pair unless the pair failed before; a failure takes the pair out. */
  private void guarded(Pair pair, String step, Runnable action) {
    if (failures.containsKey(pair)) {
      return;
    }
    try {
      action.run();
    } catch (PeerProcessException e) {
      failures.put(pair, step + ": " + e.getMessage());
      progress.println("FAILED " + step + ": " + e.getMessage());
      pair.close();
    }
  }

  private void report(String loadBefore) {
    out.println();
    out.printf(
        Locale.ROOT,
        "libp2p single-stream throughput over 127.0.0.1, %s, %d cores; MB = 10^6 bytes%n",
        Instant.now(),
        Runtime.getRuntime().availableProcessors());
    out.printf(
        Locale.ROOT,
        "%d interleaved rounds of %d bytes per cell after %d unmeasured warm-up rounds;"
            + " one connection per pair, one new stream per transfer%n",
        options.rounds(),
        options.bytes(),
        options.warmupRounds());
    out.println("load average before: " + loadBefore + "; after: " + loadAverage());
    out.println("JVM options of every dt4j process: " + options.jvmOptionsText());
    out.println("pairs (what each dialer reported):");
    for (Pair pair : pairs) {
      out.printf(
          "  %s dials %s, %s: %s%n",
          pair.dialer().label(), pair.listener().label(), pair.muxer(), pair.description());
    }
    out.println();
    table.print(out);
    out.println();
    out.println("peak resident memory per process:");
    for (Pair pair : pairs) {
      out.println("  " + String.join(", ", pair.peakMemory()));
    }
    failures.forEach(
        (pair, reason) ->
            out.printf(
                "FAILED %s dials %s, %s: %s%n",
                pair.dialer().label(), pair.listener().label(), pair.muxer(), reason));
  }

  private void closeAll() {
    for (Pair pair : pairs) {
      pair.close();
    }
  }

  private static String loadAverage() {
    try {
      return String.join(
          " ", List.of(Files.readString(Path.of("/proc/loadavg")).trim().split(" ")).subList(0, 3));
    } catch (IOException | IndexOutOfBoundsException e) {
      return "unknown";
    }
  }
}
