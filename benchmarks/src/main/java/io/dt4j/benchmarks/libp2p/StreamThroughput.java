package io.dt4j.benchmarks.libp2p;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One cell of {@link ThroughputRun} for other runners: a dialer process uploads to a listener
 * process of the same party over one yamux connection on 127.0.0.1, first {@code warmupRounds}
 * unmeasured streams, then {@code rounds} measured ones, each of {@code bytes}.
 */
public final class StreamThroughput {
  private final Party party;

  private StreamThroughput(Party party) {
    this.party = party;
  }

  /**
   * dt4j's {@link BenchPeer} on one JDK.
   *
   * @param label the JDK's label, e.g. {@code 25}
   * @param javaHome the JDK
   * @param classpath the class path holding {@link BenchPeer}
   * @param jvmOptions extra JVM options
   */
  public static StreamThroughput dt4j(
      String label, Path javaHome, String classpath, List<String> jvmOptions) {
    return new StreamThroughput(new Party.Dt4j(label, javaHome, classpath, jvmOptions));
  }

  /**
   * The js-libp2p peer installed in {@code dir} (see {@code benchmarks/libp2p-throughput.sh}).
   *
   * @param dir the installed js peer, with {@code bench-dialer.mjs}
   */
  public static StreamThroughput js(Path dir) {
    return new StreamThroughput(new Party.Js(dir));
  }

  /** Measured MB/s per round, and the two processes' peak resident memory. */
  public record Result(List<Double> mbPerSecond, List<String> peakMemory) {}

  /**
   * Runs the cell.
   *
   * @throws PeerProcessException when a process fails, times out or answers nonsense
   */
  public Result run(Path logDir, long bytes, int warmupRounds, int rounds) {
    try (Pair pair = new Pair(party, party, "yamux")) {
      pair.start(logDir);
      for (int i = 0; i < warmupRounds; i++) {
        pair.transfer(Direction.SEND, bytes);
      }
      List<Double> measured = new ArrayList<>();
      for (int i = 0; i < rounds; i++) {
        measured.add(pair.transfer(Direction.SEND, bytes).mbPerSecond());
      }
      return new Result(List.copyOf(measured), pair.peakMemory());
    }
  }
}
