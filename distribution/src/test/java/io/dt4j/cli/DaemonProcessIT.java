package io.dt4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dt4j.cli.Launcher.ProcessRun;
import io.dt4j.daemon.admin.LocalAddresses;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Done-when of issue 9: the unpacked tar.gz, two daemons with separate homes on loopback
 * (started once for the class), driven only through {@code bin/dt4j}; the access rules of the admin
 * API; the bad inputs; a clean stop on SIGTERM.
 */
class DaemonProcessIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path scratch;
  private static Path launcher;
  private static Daemon alice;
  private static Daemon bob;

  /** A daemon process and what it printed when ready. */
  record Daemon(Process process, Path home, Path out, Path err) {
    String line(String label) throws Exception {
      return Files.readAllLines(out).stream()
          .filter(l -> l.startsWith(label))
          .map(l -> l.substring(label.length()).strip())
          .findFirst()
          .orElseThrow();
    }

    String adminUrl() throws Exception {
      return Files.readString(home.resolve("admin.url")).strip();
    }
  }

  @BeforeAll
  static void startTwoDaemons() throws Exception {
    Path root = Launcher.unpack(scratch);
    launcher = root.resolve("bin/dt4j");
    alice = daemon("alice", "--plugins-dir", root.resolve("plugins").toString());
    // bob: the example voucher plugin only, so it knows the voucher type but has no transport
    Path bobPlugins = Files.createDirectories(scratch.resolve("bob/plugins"));
    try (DirectoryStream<Path> jars =
        Files.newDirectoryStream(root.resolve("plugins"), "dt4j-example-voucher-*.jar")) {
      for (Path jar : jars) {
        Files.copy(jar, bobPlugins.resolve(jar.getFileName()));
      }
    }
    bob = daemon("bob", "--admin-listen", "0.0.0.0:0");
  }

  @AfterAll
  static void stopTheDaemons() throws Exception {
    for (Daemon daemon : List.of(alice, bob)) {
      daemon.process().destroy();
      daemon.process().waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void idPrintsPeerIdThenTheLoopbackAddress() throws Exception {
    ProcessRun run = dt4j("id", "--home", alice.home().toString());

    assertThat(run.exitCode()).as("%s", run.err()).isZero();
    assertThat(run.out().get(0)).isEqualTo(alice.line("peer id:"));
    assertThat(run.out().get(1))
        .startsWith("/ip4/127.0.0.1/tcp/")
        .endsWith("/p2p/" + run.out().get(0));
  }

  @Test
  void connectedDaemonsListEachOtherAsPeers() throws Exception {
    String bobAddress = bob.line("listen:");

    ProcessRun connect = dt4j("connect", bobAddress, "--home", alice.home().toString());
    ProcessRun peers = dt4j("peers", "--home", bob.home().toString());

    assertThat(connect.exitCode()).as("%s", connect.err()).isZero();
    assertThat(connect.out()).containsExactly("connect " + bob.line("peer id:") + " success");
    String alicePeer = alice.line("peer id:");
    assertThat(peers.out()).anyMatch(line -> line.endsWith("/p2p/" + alicePeer));
  }

  @Test
  void pullBetweenTwoDaemonsOfTheArchiveGoesOverTheShippedGraphsyncTransport() throws Exception {
    Path plugins = launcher.getParent().resolveSibling("plugins");
    Daemon carol = daemon("carol", "--plugins-dir", plugins.toString());
    Daemon dave = daemon("dave", "--plugins-dir", plugins.toString());
    try {
      byte[] data = new byte[600_000];
      new Random(7).nextBytes(data);
      Path file = Files.write(scratch.resolve("carol.bin"), data);
      Path out = scratch.resolve("dave.bin");
      String root =
          dt4j("import", "-q", file.toString(), "--home", carol.home().toString()).out().get(0);

      ProcessRun pull =
          dt4j(
              "pull",
              carol.line("listen:"),
              root,
              "--voucher-type",
              "dt4j/ExampleVoucher",
              "--voucher",
              "[\"deal-1\", 1048576]",
              "--out",
              out.toString(),
              "--home",
              dave.home().toString());
      ProcessRun served = dt4j("channels", "--all", "--json", "--home", carol.home().toString());

      assertThat(pull.exitCode()).as("%s", pull.err()).isZero();
      assertThat(out).hasSameBinaryContentAs(file);
      assertThat(JSON.readTree(String.join("\n", served.out())).get("channels"))
          .singleElement()
          .satisfies(c -> assertThat(c.get("sent").asLong()).isGreaterThan(600_000));
    } finally {
      for (Daemon daemon : List.of(carol, dave)) {
        daemon.process().destroy();
        daemon.process().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  void withoutTheGraphsyncJarDemoAndPullSayNoTransportAndWithItBackThePullWorks() throws Exception {
    Path shipped = launcher.getParent().resolveSibling("plugins");
    Path plugins = Files.createDirectories(scratch.resolve("erin-plugins"));
    Path graphsync;
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(shipped, "*.jar")) {
      for (Path jar : jars) {
        Files.copy(jar, plugins.resolve(jar.getFileName()));
      }
    }
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(plugins, "dt4j-graphsync-*.jar")) {
      graphsync = jars.iterator().next();
    }
    Path aside = Files.move(graphsync, scratch.resolve(graphsync.getFileName()));
    String noTransport =
        "dt4j: no transport: install a transport plugin (e.g. graphsync) in "
            + plugins
            + " and restart the daemon";
    Daemon frank = daemon("frank", "--plugins-dir", shipped.toString());
    Daemon erin = daemon("erin", "--plugins-dir", plugins.toString());
    try {
      Path file = Files.write(scratch.resolve("frank.bin"), new byte[200_000]);
      String root =
          dt4j("import", "-q", file.toString(), "--home", frank.home().toString()).out().get(0);

      ProcessRun demo = dt4j("demo", "--size", "1MiB", "--plugins-dir", plugins.toString());
      ProcessRun pull = pullInto(erin, frank, root);

      assertThat(demo.exitCode()).isEqualTo(ExitCode.ERROR);
      assertThat(demo.err()).contains(noTransport);
      assertThat(pull.exitCode()).isEqualTo(ExitCode.ERROR);
      assertThat(pull.err()).containsExactly(noTransport);

      erin.process().destroy();
      assertThat(erin.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
      Files.move(aside, graphsync);
      erin = daemon("erin", "--plugins-dir", plugins.toString());
      ProcessRun again = pullInto(erin, frank, root);

      assertThat(again.exitCode()).as("%s", again.err()).isZero();
      assertThat(again.out()).singleElement().asString().startsWith("Completed ");
    } finally {
      for (Daemon daemon : List.of(frank, erin)) {
        daemon.process().destroy();
        daemon.process().waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  /** {@code dt4j pull} of a root from one daemon into another, with an example voucher. */
  private static ProcessRun pullInto(Daemon into, Daemon from, String root) throws Exception {
    return dt4j(
        "pull",
        from.line("listen:"),
        root,
        "--voucher-type",
        "dt4j/ExampleVoucher",
        "--voucher",
        // a quota past the file: the example revalidator would pause the pull at 10 bytes
        "[\"deal-1\", 1073741824]",
        "--home",
        into.home().toString());
  }

  @Test
  void importGoesToTheDaemonAndChannelsAndPluginsComeFromIt() throws Exception {
    Path file = Files.write(scratch.resolve("file.bin"), new byte[70_000]);

    ProcessRun imported = dt4j("import", file.toString(), "--home", alice.home().toString());
    ProcessRun channels = dt4j("channels", "--home", alice.home().toString());
    ProcessRun channelsJson = dt4j("channels", "--json", "--home", alice.home().toString());
    ProcessRun plugins = dt4j("plugins", "--home", alice.home().toString());

    assertThat(imported.exitCode()).as("%s", imported.err()).isZero();
    assertThat(imported.out()).singleElement().asString().matches("added Qm\\S+ file.bin");
    assertThat(Files.list(alice.home().resolve("blocks/blocks")).count()).isPositive();
    assertThat(channels.out()).containsExactly("no channels");
    assertThat(JSON.readTree(String.join("\n", channelsJson.out())).get("channels")).isEmpty();
    assertThat(plugins.exitCode()).as("%s", plugins.err()).isZero();
    assertThat(plugins.out())
        .anyMatch(line -> line.matches("voucher-type +dt4j/ExampleVoucher +example-voucher .*"));
  }

  @Test
  void adminRequestWithoutTheTokenOrWithAWrongOneIs401() throws Exception {
    HttpResponse<String> none = get(alice.adminUrl() + "/api/v0/ID", null);
    HttpResponse<String> wrong = get(alice.adminUrl() + "/api/v0/ID", "Bearer " + "a".repeat(64));
    Path wrongFile = Files.writeString(scratch.resolve("wrong-token"), "a".repeat(64));
    ProcessRun cli =
        dt4j("id", "--home", alice.home().toString(), "--token-file", wrongFile.toString());

    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(cli.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(cli.err()).singleElement().asString().contains("(401)");
  }

  @Test
  void adminRequestFromANonLoopbackAddressIsRefused() throws Exception {
    Optional<InetAddress> local = LocalAddresses.nonLoopback();
    assumeThat(local).as("a non-loopback IPv4 address on this machine").isPresent();
    int port = URI.create(bob.adminUrl()).getPort();
    String api = "http://" + local.get().getHostAddress() + ":" + port;

    ProcessRun run =
        dt4j("id", "--api", api, "--token-file", bob.home().resolve("token").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err())
        .containsExactly(
            "dt4j: the daemon at "
                + api
                + " refused this client (403): the admin API serves loopback clients only (set"
                + " admin.allow-remote=true on the daemon to allow others)");
  }

  @Test
  void secondDaemonOnTheSameHomeIsOneLineNamingThePid() throws Exception {
    ProcessRun run = dt4j("daemon", "--home", alice.home().toString());

    long pid = alice.process().pid();
    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.err())
        .containsExactly(
            "dt4j: a dt4j daemon is already running on "
                + alice.home()
                + " (pid "
                + pid
                + "): stop it first (kill "
                + pid
                + ") or start this one with another --home");
  }

  @Test
  void missingTokenFileAndUnreachableDaemonAreOneLineEach() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }

    ProcessRun noToken =
        dt4j(
            "peers",
            "--home",
            alice.home().toString(),
            "--token-file",
            scratch.resolve("nope").toString());
    ProcessRun unreachable =
        dt4j(
            "peers",
            "--api",
            "http://127.0.0.1:" + closed,
            "--token-file",
            alice.home().resolve("token").toString());

    assertThat(noToken.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(noToken.err()).singleElement().asString().startsWith("dt4j: no admin token file ");
    assertThat(unreachable.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(unreachable.err())
        .singleElement()
        .asString()
        .startsWith("dt4j: cannot reach the dt4j daemon at ");
  }

  @Test
  void malformedVoucherJsonIsAUsageErrorAndAValidPullWantsATransport() throws Exception {
    ProcessRun malformed = pull("{deal");
    ProcessRun noTransport = pull("[\"deal-1\", 10]");

    assertThat(malformed.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(malformed.err())
        .singleElement()
        .asString()
        .startsWith("dt4j: --voucher is not valid JSON: ");
    assertThat(noTransport.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(noTransport.err())
        .singleElement()
        .asString()
        .startsWith("dt4j: no transport: install a transport plugin (e.g. graphsync) in ");
  }

  @Test
  void sigtermStopsTheDaemonCleanlyWithExitZero() throws Exception {
    Daemon carol = daemon("carol", "--log-format", "json");

    carol.process().destroy();

    assertThat(carol.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(carol.process().exitValue()).isZero();
    assertThat(Files.readAllLines(carol.out())).last().isEqualTo("daemon stopped");
    assertThat(carol.home().resolve("admin.url")).doesNotExist();
    // the JVM itself may warn on stderr (newer JDKs); every line of dt4j's is JSON
    List<String> logs =
        Files.readAllLines(carol.err()).stream().filter(l -> !l.startsWith("WARNING: ")).toList();
    assertThat(logs).isNotEmpty();
    for (String line : logs) {
      JsonNode entry = JSON.readTree(line);
      assertThat(entry.has("level")).as(line).isTrue();
    }
  }

  private static Daemon daemon(String name, String... flags) throws Exception {
    Path home = Files.createDirectories(scratch.resolve(name));
    Path out = scratch.resolve(name + ".out");
    Path err = scratch.resolve(name + ".err");
    List<String> command =
        new ArrayList<>(List.of(launcher.toString(), "daemon", "--home", home.toString()));
    command.addAll(List.of(flags));
    Process process =
        Launcher.start(command, Map.of("JAVA_HOME", System.getProperty("java.home")), out, err);
    Daemon daemon = new Daemon(process, home, out, err);
    await()
        .atMost(Duration.ofSeconds(Launcher.TIMEOUT_SECONDS))
        .until(() -> !process.isAlive() || Files.readString(out).contains("daemon ready\n"));
    assertThat(process.isAlive()).as("%s", Files.readString(err)).isTrue();
    return daemon;
  }

  /** {@code dt4j pull} from alice into bob (who has no transport) with an example voucher. */
  private static ProcessRun pull(String voucher) throws Exception {
    return dt4j(
        "pull",
        alice.line("listen:"),
        "bafyreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy",
        "--voucher-type",
        "dt4j/ExampleVoucher",
        "--voucher",
        voucher,
        "--home",
        bob.home().toString());
  }

  private static ProcessRun dt4j(String... args) throws Exception {
    return Launcher.dt4j(scratch, launcher, args);
  }

  private static HttpResponse<String> get(String url, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
