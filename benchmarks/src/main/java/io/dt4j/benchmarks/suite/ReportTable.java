package io.dt4j.benchmarks.suite;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints a {@link RunReport} as a plain-text table (also valid inside a Markdown code block). */
final class ReportTable {
  private static final String ROW = "%-9s %-44s %-7s %-6s %10s %10s %10s  %s%n";

  private ReportTable() {}

  static void print(RunReport report, PrintStream out) {
    out.printf(
        "dt4j benchmarks (%s), started %s; MB = 10^6 bytes%n", report.mode(), report.started());
    report.machine().forEach((key, value) -> out.printf("  %-13s %s%n", key + ":", value));
    report
        .runtimes()
        .forEach((key, value) -> out.printf("  %-13s %s%n", "runtime " + key + ":", value));
    out.println();
    out.printf(ROW, "group", "figure", "runtime", "unit", "min", "median", "max", "samples");
    for (Figure figure : report.figures()) {
      out.print(row(figure));
    }
    out.println();
    out.println("ratios of medians:");
    for (Verdicts.Ratio ratio : report.ratios()) {
      out.printf(
          Locale.ROOT,
          "  %-52s JDK %-3s %s%n",
          ratio.name(),
          ratio.runtime(),
          ratio.value().isPresent()
              ? String.format(Locale.ROOT, "%.2fx", ratio.value().getAsDouble())
              : "n/a (a figure failed or is missing)");
    }
    out.println();
    out.println("goals (reported, not asserted):");
    for (Verdicts.Goal goal : report.goals()) {
      String verdict = goal.met().map(met -> met ? "met" : "SHORT").orElse("n/a");
      out.printf(Locale.ROOT, "  %-5s %-52s %s%n", verdict, goal.goal(), goal.actual());
    }
    List<Figure> failed = report.figures().stream().filter(f -> f.failure().isPresent()).toList();
    if (!failed.isEmpty()) {
      out.println();
      out.println("failed figures:");
      for (Figure figure : failed) {
        out.printf(
            "  %s on %s: %s%n", figure.name(), figure.runtime(), figure.failure().orElseThrow());
      }
    }
  }

  /** One table row: the statistics, or FAILED and the reason in place of the samples. */
  static String row(Figure figure) {
    String samples =
        figure.samples().stream().map(ReportTable::number).collect(Collectors.joining(" "));
    if (figure.failure().isPresent()) {
      samples =
          "FAILED: " + figure.failure().get() + (samples.isEmpty() ? "" : " (got " + samples + ")");
    }
    boolean any = !figure.samples().isEmpty();
    return String.format(
        Locale.ROOT,
        ROW,
        figure.group(),
        figure.name(),
        figure.runtime(),
        figure.unit(),
        any ? number(figure.min()) : "-",
        any ? number(figure.median()) : "-",
        any ? number(figure.max()) : "-",
        samples);
  }

  /** Three significant digits at least, no exponent: 1234, 123, 12.3, 1.23. */
  static String number(double value) {
    double magnitude = Math.abs(value);
    String format = magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : "%.2f";
    return String.format(Locale.ROOT, format, value);
  }
}
