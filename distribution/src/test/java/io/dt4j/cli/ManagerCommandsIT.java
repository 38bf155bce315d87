package io.dt4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dt4j.daemon.LoopbackTransports;
import io.dt4j.daemon.Setting;
import io.dt4j.daemon.TransfersFactory;
import io.dt4j.daemon.admin.ApiJson;
import io.dt4j.daemon.admin.TestDaemon;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The channel commands against two daemons in this JVM that run the real data-transfer manager (the
 * node's own {@link TransfersFactory#MANAGER}, with the example-voucher plugin and the loopback
 * test transport): {@code alice} pulls from {@code bob}, and both list, pause, resume and cancel
 * what their managers hold.
 */
class ManagerCommandsIT {
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @TempDir static Path dir;
  private static TestDaemon alice;
  private static TestDaemon bob;

  @BeforeAll
  static void start() {
    Map<Setting, String> settings = Map.of(Setting.TRANSPORT, LoopbackTransports.NAME);
    alice = TestDaemon.start(dir.resolve("alice"), settings, TransfersFactory.MANAGER);
    bob = TestDaemon.start(dir.resolve("bob"), settings, TransfersFactory.MANAGER);
  }

  @AfterAll
  static void stop() {
    alice.close();
    bob.close();
  }

  @Test
  void pullShowsUpInChannelsOnBothSidesCompletedWithTheSameBytes() throws IOException {
    String root = importRandom(bob, "small.bin", 300_000);
    Path out = dir.resolve("pulled.bin");

    CliRun pull = pull(root, "[\"deal-1\", 1048576]", "--out", out.toString());
    String id = pull.outLines().get(0).split(" ")[1];

    assertThat(pull.exitCode()).as(pull.err()).isZero();
    assertThat(out).hasSameBinaryContentAs(dir.resolve("small.bin"));
    JsonNode received = awaitStatus(alice, id, "Completed");
    JsonNode sent = awaitStatus(bob, id, "Completed");
    assertThat(received.get("is_initiator").asBoolean()).isTrue();
    assertThat(received.get("direction").asText()).isEqualTo("receiving");
    assertThat(received.get("received").asLong()).isGreaterThan(300_000);
    assertThat(sent.get("is_initiator").asBoolean()).isFalse();
    assertThat(sent.get("sent").asLong()).isEqualTo(received.get("received").asLong());
    assertThat(cli(bob, "channels", "--completed", "--color=never").outLines())
        .anyMatch(line -> line.matches(transferId(id) + " +Completed .*"));
  }

  @Test
  void pauseResumeAndCancelGoThroughTheManagersOfBothSides() throws IOException {
    // past the voucher's quota of a megabyte the responder's revalidator pauses for a new voucher:
    // the channel waits in a known state, whatever the speed of the machine
    String root = importRandom(bob, "large.bin", 3 << 20);
    CliRun pull = pull(root, "[\"deal-2\", 1048576]", "--detach");
    String id = pull.outLines().get(0).split(" ")[1];
    assertThat(pull.exitCode()).as(pull.err()).isZero();
    awaitStatus(alice, id, "ResponderPaused");

    CliRun pause = cli(alice, "channel", "pause", id);
    JsonNode bothPaused = awaitStatus(alice, id, "BothPaused");
    CliRun resume = cli(alice, "channel", "resume", id);
    awaitStatus(alice, id, "ResponderPaused");
    CliRun cancel = cli(alice, "channel", "cancel", id);

    assertThat(pause.outLines()).as(pause.err()).containsExactly("paused " + id);
    assertThat(bothPaused.get("received").asLong()).isGreaterThan(1 << 20);
    assertThat(resume.outLines()).as(resume.err()).containsExactly("resumed " + id);
    assertThat(cancel.exitCode()).as(cancel.err()).isZero();
    assertThat(cancel.outLines()).containsExactly("cancelled " + id);
    awaitStatus(alice, id, "Cancelled");
    awaitStatus(bob, id, "Cancelled");
  }

  private static CliRun pull(String root, String voucher, String... extra) {
    return CliRun.transfer(alice, "pull", bob.address(), root, voucher, extra);
  }

  private static String importRandom(TestDaemon daemon, String name, int size) {
    byte[] data = new byte[size];
    new Random(size).nextBytes(data);
    try {
      Path file = Files.write(dir.resolve(name), data);
      CliRun imported = cli(daemon, "import", "-q", file.toString());
      assertThat(imported.exitCode()).as(imported.err()).isZero();
      return imported.out().strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode awaitStatus(TestDaemon daemon, String id, String status) {
    return await()
        .atMost(PATIENCE)
        .until(
            () -> channel(daemon, id), c -> c != null && status.equals(c.get("status").asText()));
  }

  private static JsonNode channel(TestDaemon daemon, String id) throws IOException {
    CliRun run = cli(daemon, "channels", "--all", "--json");
    for (JsonNode channel : ApiJson.MAPPER.readTree(run.out()).get("channels")) {
      if (channel.get("id").asText().equals(id)) {
        return channel;
      }
    }
    return null;
  }

  private static String transferId(String channelId) {
    return channelId.substring(channelId.lastIndexOf('-') + 1);
  }

  private static CliRun cli(TestDaemon daemon, String... args) {
    return CliRun.on(daemon, args);
  }
}
