package io.dt4j.benchmarks.libp2p;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The measured rounds of every (pair, direction), and the table of medians with the ratios of
 * dt4j-to-dt4j over js-to-js for the same muxer and direction. MB = 10^6 bytes.
 */
final class ThroughputTable {
  /** The ratio over js-to-js that dt4j-to-dt4j must reach (issue 5). */
  static final double TARGET_RATIO = 3.0;

  /** The MB/s that dt4j-to-dt4j must reach on {@link #TARGET_JDK}. */
  static final double TARGET_MB_PER_SECOND = 600;

  static final String TARGET_JDK = "dt4j@25";

  /** One (pair, direction) and its rounds. */
  record Row(Pair pair, Direction direction, List<Pair.Transfer> transfers) {
    String from() {
      return direction == Direction.SEND ? pair.dialer().label() : pair.listener().label();
    }

    String to() {
      return direction == Direction.SEND ? pair.listener().label() : pair.dialer().label();
    }

    List<Double> mbPerSecond() {
      return transfers.stream().map(Pair.Transfer::mbPerSecond).toList();
    }

    double median() {
      return ThroughputTable.median(mbPerSecond());
    }

    /** The median of MB per CPU second of the busier process. */
    double cpuMedian() {
      return ThroughputTable.median(transfers.stream().map(Pair.Transfer::mbPerCpuSecond).toList());
    }

    boolean sameParty(String label) {
      return pair.dialer().label().equals(label) && pair.listener().label().equals(label);
    }
  }

  private final Map<String, Row> rows = new LinkedHashMap<>();

  /** Records one round. */
  void add(Pair pair, Direction direction, Pair.Transfer transfer) {
    rows.computeIfAbsent(key(pair, direction), k -> new Row(pair, direction, new ArrayList<>()))
        .transfers()
        .add(transfer);
  }

  static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  List<Row> rows() {
    return List.copyOf(rows.values());
  }

  /** Prints the rows, then the ratios to js-to-js and whether the targets are met. */
  void print(PrintStream out) {
    out.println(
        "MB/s: wall clock, as the dialer timed it. MB/cpu-s: MB per CPU second of the busier of"
            + " the two processes (all threads),");
    out.println("the rate each would reach with a core to itself; steadier on a shared machine.");
    out.printf(
        "%-9s %-9s %-9s %-6s %-6s %8s %8s %8s %9s  %s%n",
        "from",
        "to",
        "dialer",
        "muxer",
        "stream",
        "median",
        "min",
        "max",
        "MB/cpu-s",
        "rounds (MB/s)");
    for (Row row : rows.values()) {
      out.printf(
          Locale.ROOT,
          "%-9s %-9s %-9s %-6s %-6s %8.1f %8.1f %8.1f %9.1f  %s%n",
          row.from(),
          row.to(),
          row.pair().dialer().label(),
          row.pair().muxer(),
          row.direction() == Direction.SEND ? "sink" : "source",
          row.median(),
          row.mbPerSecond().stream().mapToDouble(d -> d).min().orElse(0),
          row.mbPerSecond().stream().mapToDouble(d -> d).max().orElse(0),
          row.cpuMedian(),
          row.mbPerSecond().stream()
              .map(d -> String.format(Locale.ROOT, "%.0f", d))
              .collect(Collectors.joining(" ")));
    }
    out.println();
    printRatios(out);
  }

  private void printRatios(PrintStream out) {
    out.printf(
        Locale.ROOT,
        "dt4j->dt4j over js->js, medians, same muxer and stream (target: >= %.0fx; >= %.0f MB/s"
            + " on %s):%n",
        TARGET_RATIO,
        TARGET_MB_PER_SECOND,
        TARGET_JDK);
    for (Row js : rows.values()) {
      if (!js.sameParty("js")) {
        continue;
      }
      for (Row dt4j : rows.values()) {
        if (dt4j.pair().muxer().equals(js.pair().muxer())
            && dt4j.direction() == js.direction()
            && dt4j.from().startsWith("dt4j@")
            && dt4j.sameParty(dt4j.from())) {
          double ratio = dt4j.median() / js.median();
          double cpuRatio = dt4j.cpuMedian() / js.cpuMedian();
          boolean met =
              ratio >= TARGET_RATIO
                  && (!dt4j.from().equals(TARGET_JDK) || dt4j.median() >= TARGET_MB_PER_SECOND);
          out.printf(
              Locale.ROOT,
              "  %-6s %-6s %-8s %7.1f MB/s vs js %6.1f MB/s = %4.2fx  %s  (per cpu-s: %4.2fx)%n",
              js.pair().muxer(),
              js.direction() == Direction.SEND ? "sink" : "source",
              dt4j.from(),
              dt4j.median(),
              js.median(),
              ratio,
              met ? "met  " : "SHORT",
              cpuRatio);
        }
      }
    }
  }

  private static String key(Pair pair, Direction direction) {
    return pair.dialer().label()
        + ">"
        + pair.listener().label()
        + " "
        + pair.muxer()
        + " "
        + direction;
  }
}
