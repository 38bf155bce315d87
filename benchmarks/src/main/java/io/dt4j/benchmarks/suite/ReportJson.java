package io.dt4j.benchmarks.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link RunReport} as JSON: the figures with their samples and min/median/max (null when
 * there are none), the failure reason (null when none), the ratios and the goals.
 */
final class ReportJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportJson() {}

  static ObjectNode toJson(RunReport report) {
    ObjectNode root = JSON.createObjectNode();
    root.put("started", report.started());
    root.put("mode", report.mode());
    root.set("machine", JSON.valueToTree(report.machine()));
    root.set("runtimes", JSON.valueToTree(report.runtimes()));
    ArrayNode figures = root.putArray("figures");
    for (Figure figure : report.figures()) {
      ObjectNode node = figures.addObject();
      node.put("group", figure.group());
      node.put("name", figure.name());
      node.put("runtime", figure.runtime());
      node.put("unit", figure.unit());
      ArrayNode samples = node.putArray("samples");
      figure.samples().forEach(samples::add);
      boolean any = !figure.samples().isEmpty();
      putNumber(node, "min", any, figure.min());
      putNumber(node, "median", any, figure.median());
      putNumber(node, "max", any, figure.max());
      node.put("failure", figure.failure().orElse(null));
    }
    ArrayNode ratios = root.putArray("ratios");
    for (Verdicts.Ratio ratio : report.ratios()) {
      ObjectNode node =
          ratios.addObject().put("name", ratio.name()).put("runtime", ratio.runtime());
      putNumber(node, "value", ratio.value().isPresent(), ratio.value().orElse(Double.NaN));
    }
    ArrayNode goals = root.putArray("goals");
    for (Verdicts.Goal goal : report.goals()) {
      ObjectNode node = goals.addObject().put("goal", goal.goal()).put("actual", goal.actual());
      if (goal.met().isPresent()) {
        node.put("met", goal.met().get());
      } else {
        node.putNull("met");
      }
    }
    return root;
  }

  static void write(RunReport report, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    JSON.writeValue(file.toFile(), toJson(report));
  }

  private static void putNumber(ObjectNode node, String field, boolean present, double value) {
    if (present) {
      node.put(field, value);
    } else {
      node.putNull(field);
    }
  }
}
