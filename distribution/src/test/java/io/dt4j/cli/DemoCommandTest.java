package io.dt4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code dt4j demo} refuses before it starts any node. */
class DemoCommandTest {

  @Test
  void aSizeThatIsNotASizeIsOneLineAndExitTwo() {
    CliRun run = CliRun.of("demo", "--size", "lots");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.errLines())
        .containsExactly(
            "dt4j: --size: bad size 'lots': expected a number and an optional unit (e.g. 256MiB,"
                + " 1GiB, 10MB or 4096)");
  }

  @Test
  void aMissingPluginsDirectoryIsOneLineAndExitTwo(@TempDir Path dir) {
    Path missing = dir.resolve("nope");

    CliRun run = CliRun.of("demo", "--size", "1MiB", "--plugins-dir", missing.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.errLines()).containsExactly("dt4j: plugins directory not found: " + missing);
  }

  @Test
  void aHomeWithoutPluginsHasNoTransport(@TempDir Path home) {
    CliRun run = CliRun.of("demo", "--size", "1MiB", "--home", home.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.errLines())
        .containsExactly(
            "dt4j: no transport: install a transport plugin (e.g. graphsync) in "
                + home.resolve("plugins")
                + " and restart the daemon");
  }

  @Test
  void aKeepFolderThatHoldsFilesIsRefused(@TempDir Path dir) throws Exception {
    Path keep = Files.createDirectories(dir.resolve("keep"));
    Files.writeString(keep.resolve("precious.txt"), "mine");
    Path plugins = Files.createDirectories(dir.resolve("plugins"));

    CliRun run =
        CliRun.of(
            "demo",
            "--size",
            "1MiB",
            "--keep",
            keep.toString(),
            "--plugins-dir",
            plugins.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.errLines())
        .containsExactly("dt4j: " + keep + " is not empty: give --keep a new or empty folder");
    assertThat(keep.resolve("precious.txt")).hasContent("mine");
  }
}
