package io.dt4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** Every command and subcommand: complete help, and a wrong option is one line with exit 2. */
class CommandHelpTest {

  static Stream<String> commands() {
    List<String> names = new ArrayList<>();
    collect(
        Dt4j.commandLine(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false),
        "",
        names);
    return names.stream();
  }

  private static void collect(CommandLine command, String prefix, List<String> names) {
    command
        .getSubcommands()
        .forEach(
            (name, sub) -> {
              if (sub.getCommandSpec().name().equals(name)) {
                String path = (prefix + " " + name).strip();
                names.add(path);
                collect(sub, path, names);
              }
            });
  }

  @ParameterizedTest
  @MethodSource("commands")
  void helpPrintsUsageDescriptionAndOptionsAndExitsZero(String command) {
    CliRun run = CliRun.of(args(command, "--help"));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).startsWith("Usage: dt4j " + command).contains("-h, --help");
    assertThat(run.outLines()).hasSizeGreaterThan(3);
  }

  @ParameterizedTest
  @MethodSource("commands")
  void wrongOptionIsOneLineNamingTheCommandsHelpAndExitsTwo(String command) {
    CliRun run = CliRun.of(args(command, "--no-such-option"));

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith("dt4j: ")
        .contains("--no-such-option")
        .endsWith("'dt4j " + command + " --help')");
  }

  @ParameterizedTest
  @MethodSource("commands")
  void everyCommandIsInTheRootHelp(String command) {
    String first = command.split(" ")[0];

    assertThat(CliRun.of("--help").out()).contains("  " + first + " ");
  }

  private static String[] args(String command, String option) {
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.add(option);
    return args.toArray(String[]::new);
  }
}
