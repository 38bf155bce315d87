package io.dt4j.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the report says about the machine and the runtimes; unknown parts say so. */
final class MachineInfo {
  private MachineInfo() {}

  static Map<String, String> describe() {
    Map<String, String> machine = new LinkedHashMap<>();
    machine.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name"));
    machine.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
    machine.put("memory", firstValue(Path.of("/proc/meminfo"), "MemTotal"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    return machine;
  }

  /** The 1, 5 and 15 minute load averages. */
  static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return String.join(" ", List.of(parts).subList(0, 3));
    } catch (IOException | IndexOutOfBoundsException e) {
      return "unknown";
    }
  }

  /** A JDK's version and vendor from its {@code release} file. */
  static String jdk(Path home) {
    Path release = home.resolve("release");
    String version = firstValue(release, "JAVA_VERSION").replace("\"", "");
    String vendor = firstValue(release, "IMPLEMENTOR").replace("\"", "");
    return version + " (" + vendor + ") at " + home;
  }

  /** The first line a command prints, e.g. {@code node --version}. */
  static String command(String... command) {
    try {
      ChildProcess.Output output =
          ChildProcess.run(
              List.of(command),
              Map.of(),
              Path.of(System.getProperty("java.io.tmpdir")),
              "dt4j-suite-version",
              Duration.ofSeconds(20));
      return output.out().isEmpty() ? "unknown" : output.out().get(0).strip();
    } catch (StepException | IOException e) {
      return "unavailable: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  private static String firstValue(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file)) {
        int sep = line.indexOf(line.contains("=") ? '=' : ':');
        if (sep > 0 && line.substring(0, sep).strip().equals(key)) {
          return line.substring(sep + 1).strip();
        }
      }
    } catch (IOException e) {
      // not Linux, or no such file
    }
    return "unknown";
  }
}
