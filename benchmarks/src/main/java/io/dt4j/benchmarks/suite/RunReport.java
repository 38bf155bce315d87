package io.dt4j.benchmarks.suite;

import java.util.List;
import java.util.Map;

/**
 * Everything one run of the suite prints and stores.
 *
 * @param started when the run started (ISO-8601)
 * @param mode {@code quick} or {@code full}
 * @param machine the machine's description: cores, RAM, CPU model, load averages, ...
 * @param runtimes each runtime's label and version line, e.g. {@code 25} and {@code 25.0.1+8}
 * @param figures the figures, in the order they were measured
 * @param ratios the ratios of medians
 * @param goals the goals, not asserted
 */
record RunReport(
    String started,
    String mode,
    Map<String, String> machine,
    Map<String, String> runtimes,
    List<Figure> figures,
    List<Verdicts.Ratio> ratios,
    List<Verdicts.Goal> goals) {}
