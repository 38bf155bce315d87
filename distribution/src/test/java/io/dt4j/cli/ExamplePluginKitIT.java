package io.dt4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dt4j.cli.Launcher.ProcessRun;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, the plugin kit as its README tells a third party to use it: {@code
 * plugins/example-voucher} copied on its own, built with {@code mvn -o package} against the
 * published dt4j-plugin-api alone, the jar dropped into the plugins folders of two daemons of the
 * unpacked distribution (beside the graphsync transport, without the shipped copy of the example),
 * and a pull with its voucher that the byte quota pauses and a new voucher resumes.
 *
 * <p>The nested Maven resolves as {@link CustomDistributionIT}'s does: {@code target/it-repo} (this
 * build's dt4j artifacts, staged by the invoker plugin) as its local repository, and the outer
 * build's local repository as the mirror of every remote one, read offline through {@code file:}.
 */
class ExamplePluginKitIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long MIB = 1 << 20;
  private static final long BUILD_MINUTES = 5;

  @TempDir Path work;

  @Test
  void copiedTemplateBuildsAloneAndItsQuotaPausesAPullUntilANewVoucherRaisesIt() throws Exception {
    Path jar = buildTheKit();
    Path dist = Launcher.unpack(work);
    Path plugins = Files.createDirectories(work.resolve("plugins"));
    Files.copy(jar, plugins.resolve(jar.getFileName()));
    try (DirectoryStream<Path> transport =
        Files.newDirectoryStream(dist.resolve("plugins"), "dt4j-graphsync-*.jar")) {
      transport.forEach(t -> copy(t, plugins.resolve(t.getFileName())));
    }
    Path launcher = dist.resolve("bin/dt4j");
    DaemonProcess seller = DaemonProcess.start(launcher, work, "seller", plugins, Map.of());
    DaemonProcess buyer = DaemonProcess.start(launcher, work, "buyer", plugins, Map.of());
    try {
      assertThat(pluginIds(buyer)).containsExactlyInAnyOrder("kit-voucher", "graphsync");
      pullPausedByTheQuotaAndResumedByANewVoucher(seller, buyer);
    } finally {
      buyer.stop();
      seller.stop();
    }
  }

  private void pullPausedByTheQuotaAndResumedByANewVoucher(
      DaemonProcess seller, DaemonProcess buyer) throws Exception {
    byte[] data = new byte[(int) (3 * MIB)];
    new Random(11).nextBytes(data);
    Path file = Files.write(work.resolve("data.bin"), data);
    String root = seller.importFile(file);
    Path out = work.resolve("pulled.bin");
    try (DaemonProcess.Events atBuyer = buyer.events();
        DaemonProcess.Events atSeller = seller.events()) {
      ProcessRun pull =
          buyer.cli(
              "pull",
              seller.address(),
              root,
              "--voucher-type",
              "dt4j/ExampleVoucher",
              "--voucher",
              "[\"deal-1\", " + MIB + "]",
              "--detach",
              "--json");
      assertThat(pull.exitCode()).as("%s", pull.err()).isZero();
      String id = JSON.readTree(String.join("\n", pull.out())).get("id").asText();

      JsonNode paused = buyer.awaitStatus(id, "ResponderPaused");
      ProcessRun misfit =
          buyer.cli(
              "channel", "voucher", id, "--voucher-type", "dt4j/ExampleVoucher", "--voucher", "7");
      ProcessRun raise =
          buyer.cli(
              "channel",
              "voucher",
              id,
              "--voucher-type",
              "dt4j/ExampleVoucher",
              "--voucher",
              "[\"deal-1\", " + 8 * MIB + "]");
      buyer.awaitStatus(id, "Completed");
      ProcessRun export = buyer.cli("export", root, "--out", out.toString());

      assertThat(paused.get("received").asLong()).isGreaterThan(MIB).isLessThan(3 * MIB);
      assertThat(misfit.exitCode()).isNotZero();
      assertThat(misfit.err())
          .singleElement()
          .asString()
          .contains("the voucher does not fit dt4j/ExampleVoucher");
      assertThat(raise.out()).as("%s", raise.err()).containsExactly("voucher sent on " + id);
      assertThat(export.exitCode()).as("%s", export.err()).isZero();
      assertThat(out).hasSameBinaryContentAs(file);
      assertThat(atSeller.await(id, "Complete"))
          .contains("PauseResponder", "NewVoucher", "ResumeResponder");
      assertThat(atBuyer.await(id, "CleanupComplete"))
          .contains("PauseResponder", "NewVoucherResult", "ResumeResponder");
    }
  }

  /** Copies the template alone and builds it offline; returns its jar. */
  private Path buildTheKit() throws Exception {
    Path kit = work.resolve("acme-voucher");
    Path template = Path.of(System.getProperty("dt4j.plugin.kit.dir"));
    try (Stream<Path> files = Files.walk(template)) {
      for (Path file : files.filter(f -> !f.toString().contains("/target")).toList()) {
        copy(file, kit.resolve(template.relativize(file).toString()));
      }
    }
    String mirror = Path.of(System.getProperty("dt4j.user.repo")).toUri().toString();
    Path settings =
        Files.writeString(
            work.resolve("settings.xml"),
            "<settings><mirrors><mirror><id>outer-local-repository</id><mirrorOf>*</mirrorOf>"
                + "<url>"
                + mirror
                + "</url></mirror></mirrors></settings>\n");
    List<String> command =
        List.of(
            Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(),
            "-B",
            "-q",
            "-o",
            // offline, yet the file: mirror may be read (Maven resolver's offline exceptions)
            "-Daether.offline.protocols=file",
            "-s",
            settings.toString(),
            "-Dmaven.repo.local=" + System.getProperty("dt4j.it.repo"),
            "-Dplugin.id=kit-voucher",
            "-f",
            kit.resolve("pom.xml").toString(),
            "package");
    Path out = work.resolve("mvn.out");
    Path err = work.resolve("mvn.err");
    Process maven =
        Launcher.start(command, Map.of("JAVA_HOME", System.getProperty("java.home")), out, err);
    // compiling and testing a module takes longer than a command of the distribution
    assertThat(maven.waitFor(BUILD_MINUTES, TimeUnit.MINUTES))
        .as("mvn did not finish within %d min", BUILD_MINUTES)
        .isTrue();
    assertThat(maven.exitValue())
        .as("mvn: %s %s", Files.readString(out), Files.readString(err))
        .isZero();
    try (Stream<Path> jars = Files.list(kit.resolve("target"))) {
      return jars.filter(j -> j.toString().endsWith(".jar")).findFirst().orElseThrow();
    }
  }

  private static List<String> pluginIds(DaemonProcess daemon) throws Exception {
    ProcessRun plugins = daemon.cli("plugins", "--json");
    assertThat(plugins.exitCode()).as("%s", plugins.err()).isZero();
    JsonNode report = JSON.readTree(String.join("\n", plugins.out()));
    assertThat(report.get("errors")).isEmpty();
    return report.get("extensions").findValuesAsText("plugin").stream().distinct().toList();
  }

  private static void copy(Path from, Path to) {
    try {
      if (Files.isDirectory(from)) {
        Files.createDirectories(to);
      } else {
        Files.copy(from, to);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
