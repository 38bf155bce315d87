package io.dt4j.benchmarks.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command to its end with a time-out, stdout and stderr in files under a log folder, and
 * turns a failure into a {@link StepException} naming the last line of stderr.
 */
final class ChildProcess {
  private ChildProcess() {}

  /** The lines a finished command printed on stdout and stderr. */
  record Output(List<String> out, List<String> err) {}

  static Output run(
      List<String> command, Map<String, String> env, Path logDir, String name, Duration timeout)
      throws StepException, IOException, InterruptedException {
    Files.createDirectories(logDir);
    Path out = logDir.resolve(name + ".out");
    Path err = logDir.resolve(name + ".err");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().putAll(env);
    Process process = builder.start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new StepException(name + " timed out after " + timeout.toSeconds() + " s");
      }
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    Output output = new Output(Files.readAllLines(out), Files.readAllLines(err));
    if (process.exitValue() != 0) {
      throw new StepException(
          name
              + " exited "
              + process.exitValue()
              + ": "
              + lastLine(output.err())
              + " (see "
              + err
              + ")");
    }
    return output;
  }

  /** Runs a probe's main class on a JDK; returns its {@link Probe} lines. */
  static List<Probe.Line> java(
      Path javaHome,
      List<String> jvmOptions,
      Class<?> main,
      List<String> args,
      Path logDir,
      String name,
      Duration timeout)
      throws StepException, IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(javaHome.resolve("bin/java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(args);
    return Probe.parse(run(command, Map.of(), logDir, name, timeout).out());
  }

  static String lastLine(List<String> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (!lines.get(i).isBlank() && !lines.get(i).startsWith("WARNING:")) {
        return lines.get(i).strip();
      }
    }
    return "no output";
  }
}
