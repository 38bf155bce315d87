package io.dt4j.cli;

import java.util.Locale;

/** The lassie-style line that ends a progress bar: duration, blocks, bytes, average rate. */
final class Summary {
  private Summary() {}

  static String line(double seconds, long blocks, long bytes) {
    String rate = seconds > 0 ? ProgressBar.bytes((long) (bytes / seconds)) + "/s" : "?/s";
    return String.format(
        Locale.ROOT,
        "Duration: %.2fs, Blocks: %d, Bytes: %s, Rate: %s",
        seconds,
        blocks,
        ProgressBar.bytes(bytes),
        rate);
  }
}
