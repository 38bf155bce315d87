package io.dt4j.benchmarks.suite;

import static io.dt4j.benchmarks.suite.FigureNames.CONCURRENT_ERRORS;
import static io.dt4j.benchmarks.suite.FigureNames.DT4J_STREAM;
import static io.dt4j.benchmarks.suite.FigureNames.IMPORT;
import static io.dt4j.benchmarks.suite.FigureNames.JS_STREAM;
import static io.dt4j.benchmarks.suite.FigureNames.NODE;
import static io.dt4j.benchmarks.suite.FigureNames.PROVIDER_RSS;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The ratios and goals of issue 13, computed from the figures of one run. Goals are printed, never
 * asserted. A ratio or goal whose figures failed or are missing says so instead of a value.
 */
final class Verdicts {
  /** MB/s a pull of the largest size must reach on {@link #GOAL_JDK}. */
  static final double PULL_GOAL_MB_PER_SECOND = 500;

  static final String GOAL_JDK = "25";
  static final double PULL_OVER_STREAM_GOAL = 0.8;
  static final double STREAM_OVER_JS_GOAL = 3.0;
  static final double RSS_GOAL_MB = 300;

  /**
   * One ratio of two medians.
   *
   * @param name e.g. {@code pull 4 GiB / dt4j stream}
   * @param runtime the JDK of the dt4j figures
   * @param value the ratio, or empty if a figure is missing or failed
   */
  record Ratio(String name, String runtime, OptionalDouble value) {}

  /**
   * One goal.
   *
   * @param goal what it asks, e.g. {@code pull 4 GiB >= 500 MB/s on JDK 25}
   * @param actual what was measured, or why nothing was
   * @param met whether it was met; empty if it could not be judged
   */
  record Goal(String goal, String actual, Optional<Boolean> met) {}

  private final List<Figure> figures;
  private final List<String> jdks;
  private final long largest;
  private final int concurrentPulls;

  /**
   * @param figures the run's figures
   * @param jdks the JDK labels measured
   * @param largest the largest transfer size (the goals' size)
   * @param concurrentPulls how many concurrent pulls ran
   */
  Verdicts(List<Figure> figures, List<String> jdks, long largest, int concurrentPulls) {
    this.figures = figures;
    this.jdks = jdks;
    this.largest = largest;
    this.concurrentPulls = concurrentPulls;
  }

  List<Ratio> ratios() {
    List<Ratio> ratios = new ArrayList<>();
    String pull = FigureNames.transfer(true, largest);
    for (String jdk : jdks) {
      ratios.add(ratio(pull + " / " + DT4J_STREAM, jdk, pull, jdk, DT4J_STREAM, jdk));
      ratios.add(ratio(DT4J_STREAM + " / js", jdk, DT4J_STREAM, jdk, JS_STREAM, NODE));
      ratios.add(ratio("import dt4j / js", jdk, IMPORT, jdk, IMPORT, NODE));
    }
    return ratios;
  }

  List<Goal> goals() {
    List<Goal> goals = new ArrayList<>();
    String pull = FigureNames.transfer(true, largest);
    goals.add(
        atLeast(
            String.format("%s >= %.0f MB/s on JDK %s", pull, PULL_GOAL_MB_PER_SECOND, GOAL_JDK),
            median(pull, GOAL_JDK),
            PULL_GOAL_MB_PER_SECOND,
            " MB/s"));
    for (Ratio ratio : ratios()) {
      if (ratio.name().startsWith(pull)) {
        goals.add(
            atLeast(
                goalText(ratio, PULL_OVER_STREAM_GOAL), ratio.value(), PULL_OVER_STREAM_GOAL, "x"));
      } else if (ratio.name().startsWith(DT4J_STREAM)) {
        goals.add(
            atLeast(goalText(ratio, STREAM_OVER_JS_GOAL), ratio.value(), STREAM_OVER_JS_GOAL, "x"));
      }
    }
    for (String jdk : jdks) {
      goals.add(rss(jdk));
    }
    goals.add(concurrent());
    return goals;
  }

  private static String goalText(Ratio ratio, double goal) {
    return String.format("%s >= %.1fx on JDK %s", ratio.name(), goal, ratio.runtime());
  }

  private Goal rss(String jdk) {
    String text = String.format("peak RSS <= %.0f MB at %s on JDK %s", RSS_GOAL_MB, size(), jdk);
    List<String> names =
        List.of(
            FigureNames.receiverRss(true, largest),
            FigureNames.receiverRss(false, largest),
            PROVIDER_RSS);
    double worst = Double.NaN;
    for (String name : names) {
      OptionalDouble max =
          find(name, jdk)
              .filter(Figure::ok)
              .map(f -> OptionalDouble.of(f.max()))
              .orElse(OptionalDouble.empty());
      if (max.isEmpty()) {
        return new Goal(text, "no figure for " + name, Optional.empty());
      }
      worst = Double.isNaN(worst) ? max.getAsDouble() : Math.max(worst, max.getAsDouble());
    }
    return new Goal(
        text, String.format("%.0f MB (largest daemon)", worst), Optional.of(worst <= RSS_GOAL_MB));
  }

  private Goal concurrent() {
    String text = concurrentPulls + " concurrent channels without error";
    for (String jdk : jdks) {
      Optional<Figure> errors = find(CONCURRENT_ERRORS, jdk);
      if (errors.isEmpty()) {
        return new Goal(text, "JDK " + jdk + ": not measured", Optional.empty());
      }
      if (!errors.get().ok()) {
        String why = errors.get().failure().orElse("no samples");
        return new Goal(text, "JDK " + jdk + ": " + why, Optional.of(false));
      }
      if (errors.get().max() > 0) {
        return new Goal(
            text,
            String.format("JDK %s: %.0f not Completed", jdk, errors.get().max()),
            Optional.of(false));
      }
    }
    return new Goal(text, "all Completed on JDK " + String.join(" and ", jdks), Optional.of(true));
  }

  private String size() {
    return FigureNames.size(largest);
  }

  private static Goal atLeast(String text, OptionalDouble value, double goal, String unit) {
    if (value.isEmpty()) {
      return new Goal(text, "not measured (figure failed or missing)", Optional.empty());
    }
    return new Goal(
        text,
        String.format("%.2f%s", value.getAsDouble(), unit),
        Optional.of(value.getAsDouble() >= goal));
  }

  private Ratio ratio(
      String name, String runtime, String top, String topRuntime, String bottom, String bottomRt) {
    OptionalDouble a = median(top, topRuntime);
    OptionalDouble b = median(bottom, bottomRt);
    return new Ratio(
        name,
        runtime,
        a.isPresent() && b.isPresent() && b.getAsDouble() > 0
            ? OptionalDouble.of(a.getAsDouble() / b.getAsDouble())
            : OptionalDouble.empty());
  }

  private OptionalDouble median(String name, String runtime) {
    return find(name, runtime)
        .filter(Figure::ok)
        .map(f -> OptionalDouble.of(f.median()))
        .orElse(OptionalDouble.empty());
  }

  private Optional<Figure> find(String name, String runtime) {
    return figures.stream().filter(f -> f.is(name, runtime)).findFirst();
  }
}
