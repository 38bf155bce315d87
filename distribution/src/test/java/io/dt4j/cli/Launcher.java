package io.dt4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built distribution as a user would: unpacks {@code dt4j-VERSION.tar.gz} with {@code tar}
 * (which keeps the file modes) and starts {@code bin/dt4j} as real processes, with the JDK running
 * the tests and without the caller's dt4j environment.
 */
final class Launcher {
  static final long TIMEOUT_SECONDS = 60;

  /** The result of one process run. */
  record ProcessRun(int exitCode, List<String> out, List<String> err) {}

  private Launcher() {}

  /** Unpacks the archive into {@code dir}; returns the installation's root. */
  static Path unpack(Path dir) throws Exception {
    Path archive = Path.of(System.getProperty("dt4j.dist.archive"));
    assertThat(archive).isRegularFile();
    ProcessRun tar =
        run(dir, List.of("tar", "-xzf", archive.toString(), "-C", dir.toString()), Map.of());
    assertThat(tar.exitCode()).as("tar: %s", tar.err()).isZero();
    return dir.resolve(System.getProperty("dt4j.dist.name")).toRealPath();
  }

  /** Runs a launcher to its end with the JDK running this test. */
  static ProcessRun dt4j(Path scratch, Path launcher, String... args) throws Exception {
    return dt4j(scratch, launcher, Duration.ofSeconds(TIMEOUT_SECONDS), args);
  }

  /** Runs a launcher to its end with the JDK running this test, for at most {@code seconds}. */
  static ProcessRun dt4jWithin(long seconds, Path scratch, Path launcher, String... args)
      throws Exception {
    return dt4j(scratch, launcher, Duration.ofSeconds(seconds), args);
  }

  /** Runs a launcher to its end, waiting at most {@code timeout} (a long transfer). */
  static ProcessRun dt4j(Path scratch, Path launcher, Duration timeout, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    // a short command needs no optimising compiler: starts faster on a busy machine
    return run(
        scratch,
        command,
        Map.of(
            "JAVA_HOME",
            System.getProperty("java.home"),
            "JAVA_OPTS",
            "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"),
        timeout);
  }

  /** Runs a command to its end; stdout and stderr go through files in {@code scratch}. */
  static ProcessRun run(Path scratch, List<String> command, Map<String, String> environment)
      throws Exception {
    return run(scratch, command, environment, Duration.ofSeconds(TIMEOUT_SECONDS));
  }

  private static ProcessRun run(
      Path scratch, List<String> command, Map<String, String> environment, Duration timeout)
      throws Exception {
    Path out = Files.createTempFile(scratch, "out", ".txt");
    Path err = Files.createTempFile(scratch, "err", ".txt");
    Process process = start(command, environment, out, err);
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("%s did not finish within %d s", command, timeout.toSeconds());
    }
    return new ProcessRun(process.exitValue(), Files.readAllLines(out), Files.readAllLines(err));
  }

  /** Starts a command that keeps running (a daemon); its output goes to the given files. */
  static Process start(List<String> command, Map<String, String> environment, Path out, Path err)
      throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder
        .environment()
        .keySet()
        .removeIf(
            name ->
                name.startsWith("DT4J_") || name.startsWith("GOLOG_") || name.equals("JAVA_OPTS"));
    builder.environment().putAll(environment);
    return builder.start();
  }
}
