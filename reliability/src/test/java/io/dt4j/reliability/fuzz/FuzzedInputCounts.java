package io.dt4j.reliability.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after the fuzzing (its own surefire execution, hence no {@code Test} suffix): every fuzz
 * test class of this package must have reported, in the folder {@value FuzzedInputs#REPORT_DIR}, at
 * least the inputs that {@value #MIN_INPUTS} asks for. A decoder that stopped early (time limit,
 * crashed JVM) or never ran fails the build. Prints the counts as a table and keeps it as {@code
 * summary.txt} there.
 */
class FuzzedInputCounts {
  /** System property: the inputs each decoder must have reached. */
  static final String MIN_INPUTS = "fuzz.min.inputs";

  @Test
  void everyDecoderRanItsInputs() throws IOException, URISyntaxException {
    Path dir = Path.of(System.getProperty(FuzzedInputs.REPORT_DIR));
    long minInputs = Long.parseLong(System.getProperty(MIN_INPUTS));
    List<String> table = new ArrayList<>();
    table.add(
        String.format(
            "%-20s %12s %10s %10s %10s %8s",
            "decoder", "inputs", "inputs/s", "checking s", "JVM cpu s", "JVM s"));
    List<String> shortfalls = new ArrayList<>();
    for (String testClass : fuzzTestClasses()) {
      try {
        FuzzRunReport report = FuzzRunReport.read(dir, testClass);
        table.add(row(report));
        if (report.inputs() < minInputs) {
          shortfalls.add(report.decoder() + " ran " + report.inputs() + " inputs");
        }
      } catch (NoSuchFileException e) {
        shortfalls.add(testClass + " did not report (not fuzzed in this build?)");
      }
    }
    Files.write(dir.resolve("summary.txt"), table);
    table.forEach(System.out::println);
    assertThat(shortfalls).as("decoders fuzzed with fewer than %d inputs", minInputs).isEmpty();
  }

  private static String row(FuzzRunReport report) {
    return String.format(
        "%-20s %12d %10.0f %10.1f %10.1f %8.1f",
        report.decoder(),
        report.inputs(),
        report.inputsPerSecond(),
        report.checkingSeconds(),
        report.jvmCpuSeconds(),
        report.jvmSeconds());
  }

  /** Simple names of the fuzz test classes compiled into this package. */
  private static List<String> fuzzTestClasses() throws IOException, URISyntaxException {
    Path packageDir = Path.of(FuzzedInputCounts.class.getResource("").toURI());
    String suffix = FuzzRunReport.TEST_CLASS_SUFFIX + ".class";
    try (Stream<Path> files = Files.list(packageDir)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(suffix) && !name.contains("$"))
          .map(name -> name.substring(0, name.length() - ".class".length()))
          .sorted()
          .toList();
    }
  }
}
