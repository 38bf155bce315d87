package io.dt4j.daemon.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the built distribution's {@code bin/dt4j} as a user would, with the JDK running the tests
 * and without the caller's dt4j environment: what the page shows is checked against what the CLI
 * says.
 */
final class Dt4jCommand {
  private Dt4jCommand() {}

  /** Runs {@code bin/dt4j args} to its end (exit code 0 asserted); returns its output lines. */
  static List<String> run(Path scratch, Object... args) throws Exception {
    Path launcher = Path.of(System.getProperty("dt4j.dist.dir"), "bin", "dt4j");
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    for (Object arg : args) {
      command.add(arg.toString());
    }
    Path out = Files.createTempFile(scratch, "dt4j", ".out");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
    builder.environment().keySet().removeIf(n -> n.startsWith("DT4J_") || n.equals("JAVA_OPTS"));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    assertThat(process.isAlive()).as("bin/dt4j %s still runs after 120 s", command).isFalse();
    List<String> lines = Files.readAllLines(out);
    assertThat(process.exitValue()).as("%s: %s", command, lines).isZero();
    return lines;
  }
}
