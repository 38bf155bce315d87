package io.dt4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dt4j.cli.Launcher.ProcessRun;
import io.dt4j.core.plugins.PluginJarBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unpacks the built {@code dt4j-VERSION.tar.gz} with {@code tar} (which keeps the file modes) and
 * runs {@code bin/dt4j} as a real process, the way a user would.
 */
class DistributionIT {

  private static final String VERSION = System.getProperty("dt4j.expected.version");

  @TempDir static Path unpacked;
  private static Path root;

  @BeforeAll
  static void unpackTheArchive() throws Exception {
    root = Launcher.unpack(unpacked);
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
        .noneMatch(name -> name.startsWith("dt4j-example-voucher"))
        .noneMatch(name -> name.startsWith("dt4j-graphsync"))
        .noneMatch(name -> name.startsWith("dt4j-filecoin-vouchers"));

    assertThat(fileNames(root.resolve("plugins")))
        .anyMatch(name -> name.matches("dt4j-example-voucher-.*\\.jar"))
        .anyMatch(name -> name.matches("dt4j-graphsync-.*\\.jar"))
        .anyMatch(name -> name.matches("dt4j-filecoin-vouchers-.*\\.jar"));
    assertThat(root.resolve("conf/logback.xml")).isRegularFile();
    assertThat(root.resolve("conf/dt4j.conf")).isRegularFile();
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

  @Test
  void pluginsListsTheBundledPlugins() throws Exception {
    ProcessRun run = dt4j(root.resolve("bin/dt4j"), "plugins");

    assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out().get(0)).startsWith("KIND").contains("ID", "PLUGIN", "VERSION", "SOURCE");
    assertThat(run.out())
        .anyMatch(
            line ->
                line.matches(
                    "voucher-type +dt4j/ExampleVoucher +example-voucher +0\\.1\\.0 +.*plugins/dt4j-example-voucher-.*\\.jar"))
        .anyMatch(
            line ->
                line.startsWith("voucher-result-type ")
                    && line.contains("dt4j/ExampleVoucherResult"))
        .anyMatch(line -> line.startsWith("validator ") && line.contains("ExampleValidator"))
        .anyMatch(line -> line.startsWith("revalidator ") && line.contains("ExampleRevalidator"))
        .anyMatch(
            line ->
                line.matches(
                    "transport +graphsync +graphsync +0\\.1\\.0 +.*plugins/dt4j-graphsync-.*\\.jar"))
        .anyMatch(
            line ->
                line.matches(
                    "voucher-type +StorageDataTransferVoucher +filecoin-vouchers +0\\.1\\.0"
                        + " +.*plugins/dt4j-filecoin-vouchers-.*\\.jar"))
        .anyMatch(line -> line.startsWith("validator ") && line.contains("RetrievalPullValidator"))
        .anyMatch(line -> line.startsWith("revalidator ") && line.contains("PaymentRevalidator"));
  }

  @Test
  void aPluginJarDroppedIntoPluginsAppearsWithNoOtherChange() throws Exception {
    Path home = copyOfTheInstallation("second-plugin");
    Path jar =
        PluginJarBuilder.plugin("acme-vouchers", "2.1.0")
            .source(
                "com.acme.AcmeVoucher",
                "package com.acme; public record AcmeVoucher(String s) implements"
                    + " io.dt4j.api.Voucher { public io.dt4j.api.TypeIdentifier type() {"
                    + " return io.dt4j.api.TypeIdentifier.of(\"acme/Voucher\"); } }")
            .source(
                "com.acme.AcmeVoucherType",
                "package com.acme;\n"
                    + "@org.pf4j.Extension public final class AcmeVoucherType implements"
                    + " io.dt4j.api.VoucherType<AcmeVoucher> {\n"
                    + "  public io.dt4j.api.TypeIdentifier identifier() {"
                    + " return io.dt4j.api.TypeIdentifier.of(\"acme/Voucher\"); }\n"
                    + "  public Class<AcmeVoucher> javaType() { return AcmeVoucher.class; }\n"
                    + "  public byte[] encode(AcmeVoucher v) {"
                    + " return io.dt4j.ipld.DagCbor.encode(io.dt4j.ipld.Node.of(v.s())); }\n"
                    + "  public AcmeVoucher decode(byte[] b) { return new AcmeVoucher("
                    + "((io.dt4j.ipld.Node.Str) io.dt4j.ipld.DagCbor.decode(b)).value()); }\n"
                    + "}\n")
            .writeTo(home.resolve("plugins/acme-vouchers-2.1.0.jar"));

    ProcessRun run = dt4j(home.resolve("bin/dt4j"), "plugins", "--json");

    assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(String.join("\n", run.out()));
    assertThat(report.get("errors")).isEmpty();
    assertThat(report.get("extensions"))
        .anySatisfy(
            e -> {
              assertThat(e.get("kind").asText()).isEqualTo("voucher-type");
              assertThat(e.get("id").asText()).isEqualTo("acme/Voucher");
              assertThat(e.get("plugin").asText()).isEqualTo("acme-vouchers");
              assertThat(e.get("version").asText()).isEqualTo("2.1.0");
              assertThat(e.get("source").asText()).isEqualTo(jar.toString());
            })
        .anySatisfy(e -> assertThat(e.get("id").asText()).isEqualTo("dt4j/ExampleVoucher"));
  }

  @Test
  void brokenPluginIsOneLineNamingTheFileAndStrictFails() throws Exception {
    Path home = copyOfTheInstallation("broken-plugin");
    Files.writeString(home.resolve("plugins/broken.jar"), "not a jar");

    ProcessRun lenient = dt4j(home.resolve("bin/dt4j"), "plugins");
    ProcessRun strict = dt4j(home.resolve("bin/dt4j"), "plugins", "--strict");

    assertThat(lenient.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(lenient.out()).anyMatch(line -> line.contains("dt4j/ExampleVoucher"));
    assertThat(lenient.err())
        .singleElement()
        .asString()
        .startsWith("dt4j: plugin error: " + home.resolve("plugins/broken.jar"))
        .contains("not a valid jar file");
    assertThat(strict.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(strict.out()).isEmpty();
    assertThat(strict.err()).hasSize(2).allMatch(line -> line.startsWith("dt4j: "));
  }

  @Test
  void missingPluginsDirectoryIsOneLineAndExitTwo() throws Exception {
    Path missing = unpacked.resolve("no-plugins-here");

    ProcessRun run = dt4j(root.resolve("bin/dt4j"), "plugins", "--plugins-dir", missing.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).containsExactly("dt4j: plugins directory not found: " + missing);
  }

  /** A private copy of the unpacked installation, for tests that change its plugins. */
  private static Path copyOfTheInstallation(String name) throws Exception {
    Path copy = unpacked.resolve(name);
    ProcessRun cp = run(List.of("cp", "-a", root.toString(), copy.toString()), Map.of());
    assertThat(cp.exitCode()).as("cp: %s", cp.err()).isZero();
    return copy;
  }

  private static ProcessRun dt4j(Path launcher, String... args) throws Exception {
    return Launcher.dt4j(unpacked, launcher, args);
  }

  private static ProcessRun run(List<String> command, Map<String, String> environment)
      throws Exception {
    return Launcher.run(unpacked, command, environment);
  }

  private static List<String> fileNames(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }
}
