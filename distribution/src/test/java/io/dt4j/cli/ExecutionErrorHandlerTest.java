package io.dt4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class ExecutionErrorHandlerTest {

  @Command(name = "missing-dir")
  static final class MissingDirectoryCommand implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new CliUsageException("plugins directory not found: /x/plugins");
    }
  }

  @Command(name = "not-found")
  static final class NotFoundCommand implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new CliException("no channel matches 'abc'", ExitCode.NOT_FOUND);
    }
  }

  @Command(name = "broken")
  static final class BrokenCommand implements Callable<Integer> {
    @Override
    public Integer call() {
      throw new IllegalStateException("store is closed\nwhile reading");
    }
  }

  private static CliRun run(boolean debugFromEnvironment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine =
        Dt4j.commandLine(new PrintWriter(out), new PrintWriter(err), debugFromEnvironment)
            .addSubcommand(new MissingDirectoryCommand())
            .addSubcommand(new NotFoundCommand())
            .addSubcommand(new BrokenCommand());
    return CliRun.of(commandLine, out, err, args);
  }

  @Test
  void usageExceptionIsOneLineAndExitTwo() {
    CliRun run = run(false, "missing-dir");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.errLines()).containsExactly("dt4j: plugins directory not found: /x/plugins");
  }

  @Test
  void cliExceptionExitsWithItsOwnCode() {
    CliRun run = run(false, "not-found");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(run.errLines()).containsExactly("dt4j: no channel matches 'abc'");
  }

  @Test
  void unexpectedExceptionIsOneLineWithoutStackTraceAndExitOne() {
    CliRun run = run(false, "broken");

    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.errLines().get(0))
        .startsWith("dt4j: store is closed while reading")
        .contains("--debug");
  }

  @Test
  void debugOptionAddsTheStackTrace() {
    CliRun run = run(false, "--debug", "broken");

    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err()).contains("java.lang.IllegalStateException", "\tat ");
    assertThat(run.errLines()).last().asString().startsWith("dt4j: store is closed");
  }

  @Test
  void debugEnvironmentVariableAddsTheStackTrace() {
    CliRun run = run(true, "broken");

    assertThat(run.err()).contains("java.lang.IllegalStateException", "\tat ");
  }
}
