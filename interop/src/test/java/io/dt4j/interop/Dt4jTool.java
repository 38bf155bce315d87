package io.dt4j.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The unpacked distribution's {@code bin/dt4j} ({@code dt4j.dist.dir}), run as a real process on
 * the test's own JDK with its own home folder and a timeout.
 */
final class Dt4jTool {
  private final Path bin;
  private final Path home;

  private Dt4jTool(Path bin, Path home) {
    this.bin = bin;
    this.home = home;
  }

  /** The distribution built by this reactor, with {@code home} as {@code --home}. */
  static Dt4jTool withHome(Path home) {
    Path dist = Path.of(System.getProperty("dt4j.dist.dir", "../distribution/target/dt4j"));
    Path bin = dist.resolve("bin/dt4j");
    if (!Files.isExecutable(bin)) {
      throw new IllegalStateException("no distribution at " + dist + ": build the reactor first");
    }
    return new Dt4jTool(bin, home);
  }

  /** Runs {@code dt4j --home HOME args…}; stdout and stderr are collected. */
  NodeTool.Run run(Duration timeout, String... args) {
    List<String> command = new ArrayList<>(List.of(bin.toString(), "--home", home.toString()));
    command.addAll(Arrays.asList(args));
    try {
      Path out = Files.createTempFile("dt4j-out", ".txt");
      Path err = Files.createTempFile("dt4j-err", ".txt");
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile());
      builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
      builder.environment().remove("DT4J_HOME");
      Process process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command + " did not finish within " + timeout);
      }
      NodeTool.Run run =
          new NodeTool.Run(process.exitValue(), Files.readString(out), Files.readString(err));
      Files.delete(out);
      Files.delete(err);
      return run;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + command, e);
    }
  }
}
