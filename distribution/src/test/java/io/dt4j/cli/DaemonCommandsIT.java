package io.dt4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dt4j.api.ChannelId;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.PeerId;
import io.dt4j.api.Status;
import io.dt4j.api.TransferId;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.daemon.ChannelSnapshot;
import io.dt4j.daemon.FakeTransfers;
import io.dt4j.daemon.Setting;
import io.dt4j.daemon.TransfersFactory;
import io.dt4j.daemon.admin.ApiJson;
import io.dt4j.daemon.admin.TestDaemon;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.Node;
import io.dt4j.ipld.Selectors;
import io.dt4j.libp2p.crypto.Ed25519PrivKey;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon commands in this JVM against daemons in this JVM: {@code alice} runs scripted
 * transfers (a stand-in for the manager, with the class-path test transport), {@code bob} is a
 * plain node without a transport.
 */
class DaemonCommandsIT {
  private static final String ROOT = "bafyreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy";
  private static final Instant CREATED = Instant.parse("2026-01-02T03:04:05.678Z");
  private static final PeerId CAROL = Ed25519PrivKey.generate(new SecureRandom()).peerId();

  @TempDir static Path dir;
  private static TestDaemon alice;
  private static TestDaemon bob;

  @BeforeAll
  static void start() {
    alice =
        TestDaemon.start(
            dir.resolve("alice"),
            Map.of(Setting.TRANSPORT, "classpath-test"),
            FakeTransfers.factory());
    bob = TestDaemon.start(dir.resolve("bob"), Map.of(), TransfersFactory.STORED);
    FakeTransfers transfers = (FakeTransfers) alice.daemon().node().transfers();
    PeerId self = alice.daemon().node().peerId();
    transfers.seed(channel(new ChannelId(self, CAROL, new TransferId(1)), Status.ONGOING, ""));
    transfers.seed(channel(new ChannelId(CAROL, self, new TransferId(1)), Status.ONGOING, ""));
    transfers.seed(channel(new ChannelId(self, CAROL, new TransferId(2)), Status.COMPLETED, ""));
    transfers.seed(
        channel(new ChannelId(self, CAROL, new TransferId(3)), Status.FAILED, "peer gone"));
    transfers.seed(
        channel(new ChannelId(self, CAROL, new TransferId(4)), Status.ONGOING, "peer-unreachable"));
  }

  @AfterAll
  static void stop() {
    alice.close();
    bob.close();
  }

  @Test
  void idPrintsThePeerIdThenEachListenAddress() {
    CliRun run = cli(alice, "id");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.outLines())
        .containsExactly(alice.daemon().node().peerId().toString(), alice.address());
  }

  @Test
  void connectedDaemonsListEachOtherAsPeers() {
    CliRun connect = cli(alice, "connect", bob.address());
    CliRun peers = cli(bob, "peers");

    assertThat(connect.exitCode()).as(connect.err()).isZero();
    assertThat(connect.outLines())
        .containsExactly("connect " + bob.daemon().node().peerId() + " success");
    assertThat(peers.outLines())
        .anyMatch(line -> line.endsWith("/p2p/" + alice.daemon().node().peerId()));
  }

  @Test
  void importGoesIntoTheDaemonsBlockStoreAndExportReadsItBack() throws IOException {
    Path file = Files.write(dir.resolve("data.bin"), new byte[300_000]);
    Path out = dir.resolve("exported.bin");

    CliRun imported = cli(bob, "import", "-q", file.toString());
    String root = imported.out().strip();
    CliRun exported = cli(bob, "export", root, "-o", out.toString());

    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(bob.daemon().node().blockstore().has(Cid.parse(root))).isTrue();
    assertThat(exported.exitCode()).as(exported.err()).isZero();
    assertThat(out).hasSameBinaryContentAs(file);
  }

  @Test
  void exportOfAMissingBlockIsNotFound() {
    CliRun run = cli(bob, "export", ROOT, "-o", dir.resolve("never").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(run.errLines()).singleElement().asString().startsWith("dt4j: ");
  }

  @Test
  void pluginsComeFromTheDaemon() throws IOException {
    CliRun run = cli(alice, "plugins", "--json");

    JsonNode report = ApiJson.MAPPER.readTree(run.out());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(report.get("plugins_dir").asText()).isEqualTo(alice.home().pluginsDir().toString());
    assertThat(report.get("extensions").findValuesAsText("id"))
        .contains("dt4j/ExampleVoucher", "classpath-test");
  }

  @Test
  void channelsShowsLotusTablesAndHidesCompletedAndFailed() {
    CliRun run = cli(alice, "channels", "--color=never");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.outLines().get(0)).isEqualTo("Sending Channels");
    assertThat(run.outLines().get(1))
        .matches(
            "ID +Status +Sending To +Root Cid +Initiated\\? +Transferred +Voucher +Total +Progress"
                + " +Rate +Updated");
    assertThat(run.outLines())
        .contains("Receiving Channels", "    peer-unreachable")
        .anyMatch(
            line ->
                line.matches(
                    "1 +Ongoing +\\.\\.\\.\\S{8} +\\.\\.\\."
                        + ROOT.substring(ROOT.length() - 8)
                        + " +Y +1.00 KiB +dt4j/ExampleVoucher:\\[\"deal-1\",2048\\] +2.00 KiB +50.0% +- +-"))
        .noneMatch(line -> line.matches("[23] +(Completed|Failed) .*"))
        .last()
        .asString()
        .matches(
            "\\d+ completed, \\d+ failed or cancelled hidden \\(use --completed / --show-failed, or --all\\)");
  }

  @Test
  void channelsAllAsJsonHasEveryChannelWithFullIds() throws IOException {
    CliRun run = cli(alice, "channels", "--all", "--json");

    JsonNode channels = ApiJson.MAPPER.readTree(run.out()).get("channels");
    assertThat(channels.findValuesAsText("status")).contains("Completed", "Failed", "Ongoing");
    assertThat(channels.findValuesAsText("other_peer")).contains(CAROL.toString());
    assertThat(channels.get(0).has("rate_bps")).isTrue();
    assertThat(channels.findValuesAsText("created")).contains(CREATED.toString());
  }

  @Test
  void bareTransferIdOfTwoChannelsListsThemAndExitsThree() {
    CliRun run = cli(alice, "channel", "show", "1");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(run.errLines()).hasSize(3);
    assertThat(run.errLines().get(0))
        .isEqualTo("dt4j: '1' matches 2 channels; give the full channel id (or a longer prefix)");
    assertThat(run.errLines().subList(1, 3)).allMatch(line -> line.matches("  \\S+-\\S+-1"));
  }

  @Test
  void uniqueIdShowsTheChannelWithExactBytes() {
    String full =
        new ChannelId(CAROL, alice.daemon().node().peerId(), new TransferId(1)).toString();

    CliRun byBareId = cli(alice, "channel", "show", "2");
    CliRun byPrefix = cli(alice, "channel", "show", CAROL.toString());
    CliRun lotusWay =
        cli(alice, "channel", "show", "1", "--peerid", CAROL.toString(), "--initiator=false");

    assertThat(byBareId.exitCode()).as(byBareId.err()).isZero();
    assertThat(byBareId.outLines()).anyMatch(line -> line.matches("Status +Completed"));
    assertThat(byPrefix.outLines()).contains(String.format("%-15s%s", "Channel", full));
    assertThat(byPrefix.outLines())
        .contains(String.format("%-15s%s", "Total", "2.00 KiB (2,048 bytes)"));
    assertThat(lotusWay.outLines()).contains(String.format("%-15s%s", "Channel", full));
    assertThat(byPrefix.outLines())
        .anyMatch(line -> line.startsWith(String.format("%-15s%s (", "Created", CREATED)));
  }

  @Test
  void channelShowGivesTheCreationTimeOrSaysItIsUnknown() throws IOException {
    String self = alice.daemon().node().peerId().toString();

    CliRun known = cli(alice, "channel", "show", self + "-" + CAROL + "-1", "--json");
    CliRun unknown = cli(alice, "channel", "show", self + "-" + CAROL + "-4", "--json");
    CliRun unknownHuman = cli(alice, "channel", "show", self + "-" + CAROL + "-4");

    assertThat(known.exitCode()).as(known.err()).isZero();
    assertThat(ApiJson.MAPPER.readTree(known.out()).get("created").asText())
        .isEqualTo("2026-01-02T03:04:05.678Z");
    assertThat(ApiJson.MAPPER.readTree(unknown.out()).get("created").isNull()).isTrue();
    assertThat(unknownHuman.outLines()).contains(String.format("%-15s%s", "Created", "unknown"));
  }

  @Test
  void unknownChannelExitsThree() {
    CliRun run = cli(alice, "channel", "pause", "999");

    assertThat(run.exitCode()).isEqualTo(ExitCode.NOT_FOUND);
    assertThat(run.errLines())
        .containsExactly("dt4j: no channel matches '999' (see 'dt4j channels --all')");
  }

  @Test
  void pauseThenResumeSayWhatTheyDid() {
    String id = new ChannelId(alice.daemon().node().peerId(), CAROL, new TransferId(1)).toString();

    CliRun pause = cli(alice, "channel", "pause", id);
    CliRun resume = cli(alice, "channel", "resume", id);

    assertThat(pause.exitCode()).as(pause.err()).isZero();
    assertThat(pause.outLines()).containsExactly("paused " + id);
    assertThat(resume.outLines()).containsExactly("resumed " + id);
  }

  @Test
  void cancelThatCannotReachThePeerIsDoneLocallyAndExitsFour() {
    CliRun run = cli(alice, "channel", "cancel", "4", "--cancel-timeout", "300ms");

    assertThat(run.exitCode()).isEqualTo(ExitCode.PARTIAL);
    assertThat(run.outLines())
        .singleElement()
        .asString()
        .startsWith("cancelled ")
        .endsWith("-4 locally");
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith("dt4j: cancelled locally; peer not notified (cancel ")
        .contains("timed out after 300 ms");
  }

  @Test
  void pullFollowsTheChannelToCompletedThenWritesTheFile() throws IOException {
    Path file = Files.write(dir.resolve("pulled-source.bin"), "hello dt4j".getBytes());
    String root = cli(alice, "import", "-q", file.toString()).out().strip();
    Path out = dir.resolve("pulled.bin");

    CliRun run =
        CliRun.transfer(
            alice, "pull", bob.address(), root, "[\"deal-7\", 3000]", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.outLines().get(0))
        .matches("Completed \\S+-" + bob.daemon().node().peerId() + "-\\d+");
    assertThat(run.outLines().get(1)).isEqualTo("exported " + root + " 10 bytes to " + out);
    assertThat(out).hasSameBinaryContentAs(file);
  }

  @Test
  void pullThatEndsFailedExitsFiveWithTheChannelsMessage() {
    CliRun run = CliRun.transfer(alice, "pull", bob.address(), ROOT, "[\"fail\", 1]");

    assertThat(run.exitCode()).isEqualTo(ExitCode.TRANSFER_FAILED);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .matches("dt4j: channel \\S+ ended Failed: the peer went away");
  }

  @Test
  void pullWithoutATransportOnTheDaemonSaysToInstallOne() {
    CliRun run = CliRun.transfer(bob, "pull", alice.address(), ROOT, "[\"deal-1\", 1]");

    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.errLines())
        .containsExactly(
            "dt4j: no transport: install a transport plugin (e.g. graphsync) in "
                + bob.home().pluginsDir()
                + " and restart the daemon");
  }

  @Test
  void unknownVoucherTypeIsAUsageErrorNamingTheKnownOnes() {
    CliRun run =
        cli(alice, "push", bob.address(), ROOT, "--voucher-type", "acme/Nope", "--voucher", "{}");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.errLines())
        .containsExactly(
            "dt4j: unknown voucher type 'acme/Nope'; this node knows dt4j/ExampleVoucher");
  }

  @Test
  void malformedVoucherJsonIsOneLineAndExitTwo() {
    CliRun run =
        CliRun.of(
            "pull",
            bob.address(),
            ROOT,
            "--voucher-type",
            "dt4j/ExampleVoucher",
            "--voucher",
            "[\"deal-1\", ");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith("dt4j: --voucher is not valid JSON: Unexpected end-of-input");
  }

  @Test
  void watchPrintsOneJsonObjectPerEventUntilTheDaemonStops(@TempDir Path home) throws Exception {
    TestDaemon watched =
        TestDaemon.start(
            home, Map.of(Setting.TRANSPORT, "classpath-test"), FakeTransfers.factory());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CompletableFuture<CliRun> watch =
        CompletableFuture.supplyAsync(
            () ->
                CliRun.of(
                    Dt4j.commandLine(new PrintWriter(out), new PrintWriter(err), false),
                    out,
                    err,
                    "channels",
                    "watch",
                    "--home",
                    watched.home().toString()));
    try {
      // the watch may subscribe after the first push: push until a completion reaches it
      await()
          .atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(300))
          .until(() -> push(watched) && out.toString().contains("\"event\":\"Complete\""));
    } finally {
      watched.close();
    }
    CliRun run = watch.get(20, TimeUnit.SECONDS);

    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.errLines())
        .containsExactly("dt4j: the daemon ended the event stream (it stopped?)");
    List<String> events = new ArrayList<>();
    for (String line : run.outLines()) {
      events.add(ApiJson.MAPPER.readTree(line).get("event").asText());
    }
    assertThat(events).containsSubsequence("Open", "Accept", "DataReceivedProgress", "Complete");
  }

  @Test
  void secondDaemonOnTheSameHomeIsOneLineNamingPidAndHome() {
    CliRun run = CliRun.of("daemon", "--home", alice.home().toString(), "--log-level", "warn");

    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.errLines())
        .containsExactly(
            "dt4j: a dt4j daemon is already running on "
                + alice.home()
                + " (pid "
                + ProcessHandle.current().pid()
                + "): stop it first (kill "
                + ProcessHandle.current().pid()
                + ") or start this one with another --home");
  }

  @Test
  void homeWithoutADaemonSaysHowToStartOne(@TempDir Path empty) {
    CliRun run = CliRun.of("channels", "--home", empty.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.errLines())
        .containsExactly(
            "dt4j: no dt4j daemon is running on "
                + empty
                + ": start one with 'dt4j daemon --home "
                + empty
                + "', or give --api URL");
  }

  @Test
  void unreachableDaemonIsOneLine() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }

    CliRun run =
        CliRun.of(
            "id",
            "--api",
            "http://127.0.0.1:" + port,
            "--token-file",
            alice.home().tokenFile().toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith(
            "dt4j: cannot reach the dt4j daemon at http://127.0.0.1:"
                + port
                + " (connection refused)");
  }

  @Test
  void missingOrWrongTokenFileIsOneLine() throws IOException {
    Path missing = dir.resolve("no-token");
    Path wrong = Files.writeString(dir.resolve("wrong-token"), "0".repeat(64));

    CliRun noFile = cli(alice, "id", "--token-file", missing.toString());
    CliRun wrongToken = cli(alice, "id", "--token-file", wrong.toString());

    assertThat(noFile.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(noFile.errLines())
        .singleElement()
        .asString()
        .startsWith("dt4j: no admin token file " + missing);
    assertThat(wrongToken.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(wrongToken.errLines())
        .singleElement()
        .asString()
        .contains("refused the token in " + wrong + " (401)");
  }

  private static boolean push(TestDaemon daemon) {
    CliRun run =
        CliRun.transfer(daemon, "push", bob.address(), ROOT, "[\"deal-1\", 1]", "--detach");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return true;
  }

  private static CliRun cli(TestDaemon daemon, String... args) {
    return CliRun.on(daemon, args);
  }

  private static ChannelSnapshot channel(ChannelId id, Status status, String message) {
    PeerId self = alice.daemon().node().peerId();
    boolean receiving = id.initiator().equals(self);
    return new ChannelSnapshot(
        id,
        self,
        Cid.parse(ROOT),
        Selectors.EXPLORE_ALL,
        receiving ? id.otherParty(self) : self,
        receiving ? self : id.otherParty(self),
        2048,
        status,
        0,
        0,
        receiving ? 1024 : 0,
        message,
        Optional.of(
            new EncodedVoucher(
                TypeIdentifier.of("dt4j/ExampleVoucher"),
                DagCbor.encode(Node.list(Node.of("deal-" + id.id()), Node.of(2048))))),
        1,
        Optional.empty(),
        // channel 4 stands for one stored before dt4j kept creation times
        id.id().value() == 4 ? Optional.empty() : Optional.of(CREATED));
  }
}
