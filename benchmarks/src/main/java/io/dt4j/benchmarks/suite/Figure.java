package io.dt4j.benchmarks.suite;

import java.util.List;
import java.util.Optional;

/**
 * One measured quantity on one runtime: its samples (one per repeat) and, if it failed or timed
 * out, why. A failed figure keeps the samples it got before the failure.
 *
 * @param group the measurement it belongs to, e.g. {@code crypto} or {@code transfer}
 * @param name what was measured, e.g. {@code pull 4 GiB}
 * @param runtime where: {@code 17}, {@code 25} (JDKs), {@code node}, {@code openssl}
 * @param unit the unit of the samples, e.g. {@code MB/s}
 * @param samples one value per repeat
 * @param failure why the figure failed, or empty
 */
public record Figure(
    String group,
    String name,
    String runtime,
    String unit,
    List<Double> samples,
    Optional<String> failure) {

  public Figure {
    samples = List.copyOf(samples);
  }

  /** Whether it has samples and no failure. */
  public boolean ok() {
    return failure.isEmpty() && !samples.isEmpty();
  }

  /** The smallest sample; NaN without samples. */
  public double min() {
    return samples.stream().mapToDouble(d -> d).min().orElse(Double.NaN);
  }

  /** The largest sample; NaN without samples. */
  public double max() {
    return samples.stream().mapToDouble(d -> d).max().orElse(Double.NaN);
  }

  /** The median (the mean of the middle two for an even count); NaN without samples. */
  public double median() {
    List<Double> sorted = samples.stream().sorted().toList();
    int n = sorted.size();
    if (n == 0) {
      return Double.NaN;
    }
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** Whether this is the figure {@code name} on {@code runtime}. */
  boolean is(String name, String runtime) {
    return this.name.equals(name) && this.runtime.equals(runtime);
  }
}
