package io.dt4j.benchmarks.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The line protocol of the probes that run in child JVMs ({@link CryptoProbe}, {@link
 * ImportProbe}): {@code FIGURE<TAB>name<TAB>unit<TAB>value} per sample and {@code
 * INFO<TAB>key<TAB>value} for anything else; other lines are ignored.
 */
final class Probe {
  private Probe() {}

  /** One parsed line: a sample (unit and value) or an info (value in {@code text}). */
  record Line(String kind, String name, String unit, double value, String text) {}

  static String figure(String name, String unit, double value) {
    return String.format(Locale.ROOT, "FIGURE\t%s\t%s\t%.6f", name, unit, value);
  }

  static String info(String key, String text) {
    return "INFO\t" + key + "\t" + text;
  }

  static List<Line> parse(List<String> lines) {
    List<Line> parsed = new ArrayList<>();
    for (String line : lines) {
      String[] parts = line.split("\t");
      if (parts[0].equals("FIGURE") && parts.length == 4) {
        parsed.add(new Line("FIGURE", parts[1], parts[2], Double.parseDouble(parts[3]), ""));
      } else if (parts[0].equals("INFO") && parts.length == 3) {
        parsed.add(new Line("INFO", parts[1], "", Double.NaN, parts[2]));
      }
    }
    return parsed;
  }
}
