package io.dt4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unpacks the built {@code dt4j-VERSION.tar.gz} with {@code tar} (which keeps the file modes) and
 * runs {@code bin/dt4j} as a real process, the way a user would.
 */
class DistributionIT {

  private static final long TIMEOUT_SECONDS = 60;
  private static final String VERSION = System.getProperty("dt4j.expected.version");

  @TempDir static Path unpacked;
  private static Path root;

  /** The result of one process run. */
  record ProcessRun(int exitCode, List<String> out, List<String> err) {}

  @BeforeAll
  static void unpackTheArchive() throws Exception {
    Path archive = Path.of(System.getProperty("dt4j.dist.archive"));
    assertThat(archive).isRegularFile();
    ProcessRun tar =
        run(List.of("tar", "-xzf", archive.toString(), "-C", unpacked.toString()), Map.of());
    assertThat(tar.exitCode()).as("tar: %s", tar.err()).isZero();
    root = unpacked.resolve(System.getProperty("dt4j.dist.name")).toRealPath();
  }

  @Test
  void archiveHoldsLauncherLibrariesPluginsAndConfiguration() throws IOException {
    Path launcher = root.resolve("bin/dt4j");
    assertThat(launcher).isRegularFile().isExecutable();
    assertThat(Files.getPosixFilePermissions(launcher))
        .contains(
            PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_EXECUTE);

    List<String> lib = fileNames(root.resolve("lib"));
    assertThat(lib)
        .contains(
            "dt4j-distribution-" + VERSION + ".jar",
            "dt4j-core-" + VERSION + ".jar",
            "dt4j-plugin-api-" + VERSION + ".jar")
        .anyMatch(name -> name.startsWith("picocli-"))
        .anyMatch(name -> name.startsWith("logback-classic-"))
        .noneMatch(name -> name.startsWith("dt4j-example-voucher"));

    assertThat(fileNames(root.resolve("plugins")))
        .anyMatch(name -> name.matches("dt4j-example-voucher-.*\\.jar"));
    assertThat(root.resolve("conf/logback.xml")).isRegularFile();
    assertThat(root.resolve("conf/dt4j.properties")).isRegularFile();
  }

  @Test
  void versionRunsFromTheUnpackedArchive() throws Exception {
    ProcessRun run = dt4j(root.resolve("bin/dt4j"), "version");

    assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
    assertThat(run.out().get(0)).isEqualTo("dt4j " + VERSION);
    assertThat(run.out()).contains("home:       " + root);
    assertThat(run.err()).isEmpty();
  }

  @Test
  void unknownOptionIsOneLineAndExitTwo() throws Exception {
    ProcessRun run = dt4j(root.resolve("bin/dt4j"), "--bogus");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).containsExactly("dt4j: Unknown option: '--bogus' (see 'dt4j --help')");
  }

  @Test
  void launcherFollowsASymlinkToFindItsInstallation() throws Exception {
    Path link = Files.createDirectories(unpacked.resolve("on-path")).resolve("dt4j");
    Files.createSymbolicLink(link, root.resolve("bin/dt4j"));

    ProcessRun run = dt4j(link, "version");

    assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
    assertThat(run.out()).contains("home:       " + root);
  }

  @Test
  void launcherWithoutUsableJavaSaysSoInOneLine() throws Exception {
    ProcessRun run =
        run(
            List.of(root.resolve("bin/dt4j").toString(), "version"),
            Map.of("JAVA_HOME", unpacked.resolve("no-such-jdk").toString()));

    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err()).hasSize(1);
    assertThat(run.err().get(0)).startsWith("dt4j: ").contains("JAVA_HOME");
  }

  /** Runs the launcher with the JDK running this test. */
  private static ProcessRun dt4j(Path launcher, String... args) throws Exception {
    List<String> command = Stream.concat(Stream.of(launcher.toString()), Stream.of(args)).toList();
    return run(command, Map.of("JAVA_HOME", System.getProperty("java.home")));
  }

  private static ProcessRun run(List<String> command, Map<String, String> environment)
      throws Exception {
    Path out = Files.createTempFile(unpacked, "out", ".txt");
    Path err = Files.createTempFile(unpacked, "err", ".txt");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().keySet().removeAll(List.of("DT4J_HOME", "DT4J_DEBUG", "JAVA_OPTS"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      fail("%s did not finish within %d s", command, TIMEOUT_SECONDS);
    }
    return new ProcessRun(process.exitValue(), Files.readAllLines(out), Files.readAllLines(err));
  }

  private static List<String> fileNames(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }
}
