package io.dt4j.daemon.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dt4j.api.ChannelId;
import io.dt4j.api.PeerId;
import io.dt4j.api.Status;
import io.dt4j.daemon.ChannelSnapshot;
import io.dt4j.daemon.Setting;
import io.dt4j.daemon.admin.TestDaemon;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page under bad conditions, in a headless Chromium: the daemon restarts under it, comes back
 * with a new token (the old one expired), or loses the channel the page shows. Each is said in the
 * page in words, and the page carries on without a reload once the daemon is back.
 */
class DashboardRecoveryIT {
  /** The other side of the scripted channels: no node runs it, the page only shows its id. */
  private static final PeerId PEER =
      PeerId.parse("12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN");

  @TempDir static Path dir;
  private static Browser browser;

  @BeforeAll
  static void startBrowser() throws Exception {
    browser = Browser.start(Files.createDirectories(dir.resolve("chromium-profile")));
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void daemonRestartShowsReconnectingThenThePageCarriesOnWithTheSameChannel() throws Exception {
    try (Restartable daemon = new Restartable("restart-same", self -> List.of(ongoing(self, 7)))) {
      String channel = daemon.viewFirstChannel();

      daemon.stop();
      browser.awaitText("#banner", t -> t.startsWith("Reconnecting to the daemon"));
      browser.screenshot(Browser.SCREENSHOTS.resolve("reconnecting.png"));
      daemon.start();
      await().atMost(Browser.WAIT).until(() -> !browser.shown("#banner"));
      browser.awaitText(".channel-head .chip", "Ongoing"::equals);
      browser.find("#action-pause").click();

      browser.awaitText(".channel-head .chip", "InitiatorPaused"::equals);
      assertThat(browser.shown("#channel-notice")).isFalse();
      assertThat(browser.driver().getCurrentUrl()).endsWith(channel);
    }
  }

  @Test
  void daemonRestartWithoutTheViewedChannelSaysItIsGone() throws Exception {
    try (Restartable daemon = new Restartable("restart-gone", self -> List.of(ongoing(self, 7)))) {
      daemon.viewFirstChannel();

      daemon.stop();
      browser.awaitText("#banner", t -> t.startsWith("Reconnecting to the daemon"));
      daemon.seed = self -> List.of();
      daemon.start();

      await().atMost(Browser.WAIT).until(() -> !browser.shown("#banner"));
      browser.awaitText("#channel-notice", t -> t.contains("no longer exists"));
      assertThat(browser.shown("#action-pause")).isFalse();
      browser.screenshot(Browser.SCREENSHOTS.resolve("channel-gone-after-restart.png"));
    }
  }

  @Test
  void expiredTokenSendsThePageToTheLoginWithAMessageAndTheNewTokenLogsIn() throws Exception {
    try (Restartable daemon = new Restartable("new-token", self -> List.of(ongoing(self, 7)))) {
      daemon.viewFirstChannel();
      String oldToken = daemon.current.token();

      daemon.stop();
      Files.delete(daemon.home.resolve("token")); // the next start makes a new one
      TestDaemon second = daemon.start();

      browser.awaitText("#login-error", t -> t.contains("refused the token (401)"));
      assertThat(browser.text("#login-error")).contains("new token", "<home>/token");
      assertThat(browser.shown("#channel-view")).isFalse();
      assertThat(second.token()).isNotEqualTo(oldToken);
      browser.screenshot(Browser.SCREENSHOTS.resolve("token-expired.png"));

      browser.logIn(second.token());

      await().atMost(Browser.WAIT).until(() -> browser.shown("#channel-view"));
      browser.awaitText(".channel-head .chip", "Ongoing"::equals);
      assertThat(browser.shown("#login-error")).isFalse();
    }
  }

  @Test
  void channelThatVanishesWhileViewedIsSaidSoAndAnotherOpensCleanly() throws Exception {
    try (Restartable daemon =
        new Restartable("vanish", self -> List.of(ongoing(self, 1), ongoing(self, 2)))) {
      String gone = daemon.viewFirstChannel();
      ScriptedTransfers transfers = (ScriptedTransfers) daemon.current.daemon().node().transfers();

      transfers.forget(ChannelId.parse(gone));
      browser.find("#action-pause").click();

      browser.awaitText("#channel-notice", t -> t.contains("no longer exists"));
      assertThat(browser.shown("#action-pause")).isFalse();
      assertThat(browser.shown("#action-resume")).isFalse();
      browser.screenshot(Browser.SCREENSHOTS.resolve("channel-vanished.png"));
      browser.find(".back").click();
      await().atMost(Browser.WAIT).until(() -> browser.shown("#channels-view"));
      browser.find("#channels .rows .row:not([data-id='" + gone + "'])").click();
      browser.awaitText(".channel-head .chip", "Ongoing"::equals);
      assertThat(browser.shown("#channel-notice")).isFalse();
      assertThat(browser.shown("#action-pause")).isTrue();
    }
  }

  private static ChannelSnapshot ongoing(PeerId self, long id) {
    return ScriptedTransfers.pull(self, PEER, id, Status.ONGOING, id << 20);
  }

  /**
   * A daemon with scripted channels on a home and admin port that survive its restarts, so that a
   * page open on it reconnects to the next one.
   */
  private static final class Restartable implements AutoCloseable {
    private final Path home;
    private final int port;
    private Function<PeerId, List<ChannelSnapshot>> seed;
    private TestDaemon current;

    Restartable(String name, Function<PeerId, List<ChannelSnapshot>> seed) throws Exception {
      this.home = dir.resolve(name);
      this.seed = seed;
      try (ServerSocket socket = new ServerSocket(0)) {
        this.port = socket.getLocalPort();
      }
      start();
    }

    TestDaemon start() throws Exception {
      if (Files.isDirectory(home.resolve("plugins"))) {
        try (var files = Files.list(home.resolve("plugins"))) {
          for (Path file : files.toList()) {
            Files.delete(file); // TestDaemon copies the example plugin in again
          }
        }
      }
      current =
          TestDaemon.start(
              home,
              Map.of(
                  Setting.ADMIN_LISTEN, "127.0.0.1:" + port, Setting.TRANSPORT, "classpath-test"),
              ScriptedTransfers.factory(seed));
      assertThat(current.daemon().url().getPort()).isEqualTo(port);
      return current;
    }

    void stop() {
      current.close();
    }

    @Override
    public void close() {
      stop();
    }

    /** Logs in and opens the page of the first channel; returns its id. */
    String viewFirstChannel() {
      String id = current.daemon().node().transfers().channels().get(0).channelId().toString();
      browser.logInAt(current.daemon().url().toString(), current.token());
      String row = ".row[data-id='" + id + "']";
      await().atMost(Browser.WAIT).until(() -> browser.shown(row));
      browser.find(row).click();
      browser.awaitText(".channel-head .chip", "Ongoing"::equals);
      return id;
    }
  }
}
