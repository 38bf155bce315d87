package io.dt4j.benchmarks.suite;

import java.util.Locale;

/** The names of the figures that the ratios and goals refer to: one place for each. */
final class FigureNames {
  static final String DT4J_STREAM = "dt4j stream, yamux";
  static final String JS_STREAM = "js-libp2p stream, yamux";
  static final String IMPORT = "UnixFS import (ipfs-car layout)";
  static final String CONCURRENT_RATE = "concurrent small pulls";
  static final String CONCURRENT_P50 = "concurrent pulls p50 latency";
  static final String CONCURRENT_P99 = "concurrent pulls p99 latency";
  static final String CONCURRENT_ERRORS = "concurrent pulls not Completed";
  static final String PROVIDER_RSS = "peak RSS, providing daemon";
  static final String NODE = "node";

  private FigureNames() {}

  /** {@code pull 4 GiB} or {@code push 256 MiB}. */
  static String transfer(boolean pull, long bytes) {
    return (pull ? "pull " : "push ") + size(bytes);
  }

  /** The receiving daemon's peak RSS over one transfer. */
  static String receiverRss(boolean pull, long bytes) {
    return "peak RSS, receiving daemon, " + transfer(pull, bytes);
  }

  /** {@code 4 GiB}, {@code 256 MiB}, {@code 64 KiB} or bytes. */
  static String size(long bytes) {
    String[] units = {"GiB", "MiB", "KiB"};
    for (int i = 0; i < units.length; i++) {
      long unit = 1L << (30 - 10 * i);
      if (bytes >= unit && bytes % unit == 0) {
        return String.format(Locale.ROOT, "%d %s", bytes / unit, units[i]);
      }
    }
    return bytes + " B";
  }
}
