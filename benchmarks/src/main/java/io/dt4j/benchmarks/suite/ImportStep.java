package io.dt4j.benchmarks.suite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * UnixFS import MB/s: {@link ImportProbe} in a fresh JVM per repeat and JDK, and the JS reference
 * {@code car-pack.mjs} (ipld-oracle) in a fresh node per repeat, each timed inside the process on
 * the same generated file with the same layout. The roots must agree.
 */
final class ImportStep {
  private static final Pattern JS_RATE = Pattern.compile("= ([0-9.]+) MB/s");

  private final SuiteOptions options;
  private String root;

  ImportStep(SuiteOptions options) {
    this.options = options;
  }

  void dt4j(SuiteOptions.Jdk jdk, Recorder recorder) throws Exception {
    recorder.expect(FigureNames.IMPORT, jdk.label(), "MB/s", options.repeats());
    Path file = TestFiles.random(options.work(), options.importBytes());
    for (int i = 0; i < options.repeats(); i++) {
      List<Probe.Line> lines =
          ChildProcess.java(
              jdk.home(),
              List.of("-Xmx" + heapMb() + "m"),
              ImportProbe.class,
              List.of(file.toString(), car().toString()),
              logs(),
              "import-" + jdk.label(),
              timeout());
      for (Probe.Line line : lines) {
        if (line.kind().equals("FIGURE")) {
          recorder.add(FigureNames.IMPORT, jdk.label(), line.unit(), line.value());
        } else if (line.name().equals("root")) {
          agree(line.text());
        }
      }
    }
    Files.deleteIfExists(car());
  }

  void js(Path oracle, Recorder recorder) throws Exception {
    recorder.expect(FigureNames.IMPORT, FigureNames.NODE, "MB/s", options.repeats());
    Path file = TestFiles.random(options.work(), options.importBytes());
    for (int i = 0; i < options.repeats(); i++) {
      ChildProcess.Output output =
          ChildProcess.run(
              List.of(
                  "node",
                  "--max-old-space-size=" + heapMb(),
                  oracle.resolve("car-pack.mjs").toString(),
                  file.toString(),
                  car().toString()),
              Map.of("ORACLE_TIMING", "1"),
              logs(),
              "import-js",
              timeout());
      Matcher rate = JS_RATE.matcher(String.join("\n", output.err()));
      if (!rate.find()) {
        throw new StepException("car-pack.mjs printed no MB/s (ORACLE_TIMING)");
      }
      recorder.add(FigureNames.IMPORT, FigureNames.NODE, "MB/s", Double.parseDouble(rate.group(1)));
      agree(output.out().isEmpty() ? "" : output.out().get(0).strip());
    }
    Files.deleteIfExists(car());
  }

  /** dt4j and JS must build the same DAG, or the comparison means nothing. */
  private void agree(String seen) throws StepException {
    if (root == null) {
      root = seen;
    } else if (!root.equals(seen)) {
      throw new StepException("import roots differ: " + root + " and " + seen);
    }
  }

  /** Both sides hold all blocks in memory before writing the CAR. */
  private int heapMb() {
    return (int) (options.importBytes() * 3 / 2 / 1_000_000) + 512;
  }

  private Duration timeout() {
    return Duration.ofSeconds(120 + options.importBytes() / 5_000_000);
  }

  private Path car() {
    return options.work().resolve("import.car");
  }

  private Path logs() {
    return options.work().resolve("logs");
  }
}
