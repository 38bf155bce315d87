package io.dt4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Dt4jTest {

  private static final String VERSION = System.getProperty("dt4j.expected.version");

  @Test
  void versionCommandPrintsDt4jThenJavaThenPluginApi() {
    CliRun run = CliRun.of("version");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines().get(0)).isEqualTo("dt4j " + VERSION);
    assertThat(run.outLines().get(1)).contains(System.getProperty("java.version"));
    assertThat(run.outLines().get(2)).startsWith("plugin API: ").doesNotContain("unknown");
  }

  @Test
  void versionOptionPrintsTheSameFirstLine() {
    CliRun run = CliRun.of("--version");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.outLines().get(0)).isEqualTo("dt4j " + VERSION);
  }

  @Test
  void versionJsonIsOneObjectWithStableFieldNames() throws Exception {
    CliRun run = CliRun.of("version", "--json");

    JsonNode report = new ObjectMapper().readTree(run.out());
    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(report.get("version").asText()).isEqualTo(VERSION);
    assertThat(report.get("java_version").asText()).isEqualTo(System.getProperty("java.version"));
    assertThat(report.has("plugin_api_version")).isTrue();
    assertThat(report.has("home")).isTrue();
  }

  @Test
  void homeOptionWorksBeforeAndAfterTheCommand(@TempDir Path dir) {
    CliRun before = CliRun.of("--home", dir.toString(), "version");
    CliRun after = CliRun.of("version", "--home", dir.toString());

    assertThat(before.outLines()).contains("home:       " + dir.toAbsolutePath());
    assertThat(after.outLines()).contains("home:       " + dir.toAbsolutePath());
  }

  @Test
  void unknownOptionIsOneLineOnStderrAndExitTwo() {
    CliRun run = CliRun.of("--bogus");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly("dt4j: Unknown option: '--bogus' (see 'dt4j --help')");
  }

  @Test
  void unknownOptionOfASubcommandPointsAtThatCommandsHelp() {
    CliRun run = CliRun.of("version", "--bogus");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.errLines())
        .containsExactly("dt4j: Unknown option: '--bogus' (see 'dt4j version --help')");
  }

  @Test
  void unknownCommandIsOneLineWithASuggestionAndExitTwo() {
    CliRun run = CliRun.of("verison");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly(
            "dt4j: Unknown command: 'verison' (did you mean 'version'? see 'dt4j --help')");
  }

  @Test
  void missingOptionValueIsOneLineAndExitTwo() {
    CliRun run = CliRun.of("--home");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.errLines().get(0)).startsWith("dt4j: ").contains("--home");
  }

  @Test
  void helpListsTheCommandsAndExitCodesAndExitsZero() {
    CliRun run = CliRun.of("--help");

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("Usage: dt4j", "version", "Exit codes:", "124");
  }

  @Test
  void noCommandPrintsTheUsageOnStderrAsAUsageError() {
    CliRun run = CliRun.of();

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("Usage: dt4j");
  }
}
