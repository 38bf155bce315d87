package io.dt4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dt4j.cli.Launcher.ProcessRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds {@code examples/custom-distribution} with Maven, as a deployment would, and runs its
 * {@code bin/dt4j plugins}: exactly the plugins its pom picks.
 *
 * <p>How it resolves without anything installed: before this test runs (pre-integration-test), the
 * invoker plugin stages this build's dt4j artifacts (the BOM, dt4j-distribution with its launcher
 * zip, the modules below it, the picked plugin, the parent POM) and their dependencies in {@code
 * target/it-repo}. The nested Maven uses that as its local repository, and a settings file that
 * mirrors every remote repository to the outer build's local repository as a {@code file:} URL, so
 * plugins such as the assembly plugin come from there: no network, and ~/.m2 only read.
 */
class CustomDistributionIT {

  @TempDir Path work;

  @Test
  void exampleBuildsItsOwnArchiveWithExactlyThePluginsItPicked() throws Exception {
    Path project = copy(Path.of(System.getProperty("dt4j.example.dir")), work.resolve("project"));
    Path settings = writeSettings();

    ProcessRun build =
        Launcher.run(
            work,
            List.of(
                Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(),
                "-B",
                "-q",
                "-s",
                settings.toString(),
                "-Dmaven.repo.local=" + System.getProperty("dt4j.it.repo"),
                "-Ddt4j.version=" + System.getProperty("dt4j.expected.version"),
                "-f",
                project.resolve("pom.xml").toString(),
                "package"),
            Map.of("JAVA_HOME", System.getProperty("java.home")));

    assertThat(build.exitCode()).as("mvn: %s %s", build.out(), build.err()).isZero();
    Path archive = project.resolve("target/acme-dt4j-1.0.0.tar.gz");
    assertThat(archive).isRegularFile();
    ProcessRun tar =
        Launcher.run(
            work, List.of("tar", "-xzf", archive.toString(), "-C", work.toString()), Map.of());
    assertThat(tar.exitCode()).as("%s", tar.err()).isZero();
    Path root = work.resolve("acme-dt4j-1.0.0");
    assertThat(root.resolve("bin/dt4j")).isExecutable();
    assertThat(root.resolve("conf/dt4j.conf")).isRegularFile();
    assertThat(names(root.resolve("plugins")))
        .containsExactly(
            "dt4j-example-voucher-" + System.getProperty("dt4j.expected.version") + ".jar");
    assertThat(names(root.resolve("lib")))
        .noneMatch(name -> name.startsWith("dt4j-example-voucher"));

    ProcessRun plugins = Launcher.dt4j(work, root.resolve("bin/dt4j"), "plugins", "--json");

    assertThat(plugins.exitCode()).as("%s", plugins.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(String.join("\n", plugins.out()));
    Set<String> pluginIds = new TreeSet<>(report.get("extensions").findValuesAsText("plugin"));
    assertThat(pluginIds).containsExactly("example-voucher");
    assertThat(report.get("errors")).isEmpty();
  }

  /** Maven settings: every remote repository mirrored by the outer build's local one. */
  private Path writeSettings() throws Exception {
    String userRepo = Path.of(System.getProperty("dt4j.user.repo")).toUri().toString();
    return Files.writeString(
        work.resolve("settings.xml"),
        "<settings><mirrors><mirror><id>outer-local-repository</id><mirrorOf>*</mirrorOf>"
            + "<url>"
            + userRepo
            + "</url></mirror></mirrors></settings>\n");
  }

  private static Path copy(Path from, Path to) throws Exception {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(f -> !f.toString().contains("/target")).toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.copy(file, target);
        }
      }
    }
    return to;
  }

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return new ArrayList<>(files.map(f -> f.getFileName().toString()).sorted().toList());
    }
  }
}
