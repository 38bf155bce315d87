package io.dt4j.daemon.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.dt4j.daemon.TransfersFactory;
import io.dt4j.daemon.admin.ApiJson;
import io.dt4j.daemon.admin.TestDaemon;
import io.dt4j.reliability.FaultProxy;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard follows a real transfer: dave pulls a file from carol over the shipped graphsync
 * transport, both daemons in this JVM running the node's own data-transfer manager, and the test
 * watches, pauses and resumes the pull from dave's page in a headless Chromium. The pause lands
 * midway however fast the machine because dave's connection to carol goes through a {@link
 * FaultProxy} capped at {@link #THROTTLED} bytes a second until the resume: the file takes {@code
 * SIZE / THROTTLED} = 16 s through the cap, the clicks a few.
 */
class DashboardTransferIT {
  private static final Path SCREENSHOTS = Browser.SCREENSHOTS;
  private static final long SIZE = 32L << 20;
  private static final long THROTTLED = 2L << 20;
  private static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(3);

  /** Quota of a tebibyte: the example revalidator never asks for a new voucher. */
  private static final String VOUCHER = "[\"deal-1\",1099511627776]";

  @TempDir static Path dir;
  private static Browser browser;
  private static TestDaemon carol;
  private static TestDaemon dave;
  private static FaultProxy toCarol;

  @BeforeAll
  static void startBrowserDaemonsAndProxy() throws Exception {
    browser = Browser.start(Files.createDirectories(dir.resolve("chromium-profile")));
    carol = withGraphsync("carol");
    dave = withGraphsync("dave");
    toCarol = new FaultProxy(port(carol.address()));
  }

  @AfterAll
  static void stop() throws Exception {
    if (browser != null) {
      browser.close();
    }
    if (toCarol != null) {
      toCarol.close();
    }
    for (TestDaemon daemon : new TestDaemon[] {dave, carol}) {
      if (daemon != null) {
        daemon.close();
      }
    }
  }

  @Test
  void realPullIsFollowedPausedResumedAndCompletedFromThePage() throws Exception {
    Path file = randomFile("pulled.bin", SIZE);
    String root = Dt4jCommand.run(dir, "import", "-q", file, "--home", carol.home()).get(0);
    browser.logInAt(dave.daemon().url().toString(), dave.token());

    String channel;
    toCarol.bandwidth(THROTTLED);
    try {
      channel = openPull(root);
      String row = ".row[data-id='" + channel + "']";
      await().atMost(Browser.WAIT).until(() -> browser.count(row) == 1);
      String firstBytes = browser.awaitText(row + " .bytes", t -> !t.startsWith("0 B"));
      browser.awaitText(row + " .bytes", t -> !t.equals(firstBytes));
      assertThat(browser.text(row + " .status")).isEqualTo("Ongoing");
      browser.screenshot(SCREENSHOTS.resolve("transfer-running.png"));

      browser.find(row).click();
      await().atMost(Browser.WAIT).until(() -> browser.shown("#action-pause"));
      browser.find("#action-pause").click();
      browser.awaitText(".channel-head .chip", "InitiatorPaused"::equals);
      assertThat(Dt4jCommand.run(dir, "channels", "--color=never", "--home", dave.home()))
          .anyMatch(line -> line.contains("InitiatorPaused"));
      assertThat(received(channel)).as("paused midway").isLessThan(SIZE);
      assertThat(browser.shown("#action-resume")).isTrue();
      assertThat(browser.shown("#action-pause")).isFalse();
      browser.screenshot(SCREENSHOTS.resolve("transfer-paused.png"));
    } finally {
      toCarol.bandwidth(0);
    }

    browser.find("#action-resume").click();
    await()
        .atMost(TRANSFER_TIMEOUT)
        .pollInterval(Duration.ofMillis(100))
        .failFast(
            "the channel ended without completing",
            () -> List.of("Failed", "Cancelled").contains(browser.text(".channel-head .chip")))
        .until(() -> browser.text(".channel-head .chip").equals("Completed"));
    assertThat(browser.text("#timeline"))
        .contains("PauseInitiator", "ResumeInitiator", "DataReceivedProgress ×", "Complete");
    assertThat(Dt4jCommand.run(dir, "channels", "--completed", "--home", dave.home()))
        .anyMatch(line -> line.contains("Completed"));
    browser.screenshot(SCREENSHOTS.resolve("transfer-completed.png"));
    Path out = dir.resolve("exported.bin");
    Dt4jCommand.run(dir, "export", root, "-o", out, "--home", dave.home());
    assertThat(out).hasSameBinaryContentAs(file);
  }

  /**
   * A daemon running the node's data-transfer manager over the graphsync transport plugin that the
   * distribution ships (plugins are kept off the test class path, so it goes into the plugins
   * folder as an operator would put it there).
   */
  private static TestDaemon withGraphsync(String name) throws Exception {
    Path plugins = Files.createDirectories(dir.resolve(name).resolve("plugins"));
    Path shipped = Path.of(System.getProperty("dt4j.dist.dir"), "plugins");
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(shipped, "dt4j-graphsync-*.jar")) {
      for (Path jar : jars) {
        Files.copy(jar, plugins.resolve(jar.getFileName()));
      }
    }
    return TestDaemon.start(dir.resolve(name), Map.of(), TransfersFactory.MANAGER);
  }

  /** Opens dave's pull from carol through the proxy, as the CLI's pull does. */
  private static String openPull(String root) throws Exception {
    String viaProxy = carol.address().replaceFirst("/tcp/\\d+/", "/tcp/" + toCarol.port() + "/");
    HttpResponse<String> opened =
        dave.authorized(
            "POST",
            "/api/v0/OpenPullDataChannel",
            "{\"address\":\""
                + viaProxy
                + "\",\"root\":\""
                + root
                + "\",\"voucher_type\":\"dt4j/ExampleVoucher\",\"voucher\":"
                + VOUCHER
                + "}");
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
    return ApiJson.MAPPER.readTree(opened.body()).get("channel").asText();
  }

  /** The bytes dave has received on the channel, from the admin API. */
  private static long received(String channel) throws Exception {
    HttpResponse<String> response =
        dave.authorized(
            "GET",
            "/api/v0/DataTransferChannel?channel="
                + URLEncoder.encode(channel, StandardCharsets.UTF_8),
            null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode json = ApiJson.MAPPER.readTree(response.body());
    return json.get("received").asLong();
  }

  private static int port(String address) {
    return Integer.parseInt(address.replaceFirst("^.*/tcp/(\\d+)/.*$", "$1"));
  }

  private static Path randomFile(String name, long size) throws Exception {
    byte[] data = new byte[Math.toIntExact(size)];
    new Random(size).nextBytes(data);
    return Files.write(dir.resolve(name), data);
  }
}
