package io.dt4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@code bin/dt4j daemon} process of the unpacked archive, for scenarios with several daemons:
 * what it printed when ready, and its admin API read directly (fast enough to watch a transfer
 * closely; changes still go through {@code bin/dt4j}).
 */
final class TransferDaemon implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final Path launcher;
  private final Path home;
  private final Path out;
  private final Path err;
  private final List<String> flags;
  private Process process;

  private TransferDaemon(Path launcher, Path home, List<String> flags) {
    this.launcher = launcher;
    this.home = home;
    this.out = home.resolveSibling(home.getFileName() + ".out");
    this.err = home.resolveSibling(home.getFileName() + ".err");
    this.flags = List.copyOf(flags);
  }

  /** Starts a daemon on {@code home} and waits until it is ready. */
  static TransferDaemon start(Path launcher, Path home, String... flags) throws Exception {
    Files.createDirectories(home);
    TransferDaemon daemon = new TransferDaemon(launcher, home, List.of(flags));
    daemon.start();
    return daemon;
  }

  private void start() throws Exception {
    List<String> command =
        new ArrayList<>(List.of(launcher.toString(), "daemon", "--home", home.toString()));
    command.addAll(flags);
    Files.deleteIfExists(out);
    process =
        Launcher.start(command, Map.of("JAVA_HOME", System.getProperty("java.home")), out, err);
    await()
        .atMost(Duration.ofSeconds(Launcher.TIMEOUT_SECONDS))
        .until(() -> !process.isAlive() || Files.readString(out).contains("daemon ready\n"));
    assertThat(process.isAlive()).as("%s", Files.readString(err)).isTrue();
  }

  /** Kills the process with SIGKILL: nothing of it runs on, nothing is saved on the way out. */
  void kill() throws Exception {
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
  }

  /** Starts the daemon again on the same home with the same flags. */
  void restart() throws Exception {
    start();
  }

  Path home() {
    return home;
  }

  /** A line the daemon printed when ready, e.g. {@code listen:}, without its label. */
  String line(String label) throws Exception {
    return Files.readAllLines(out).stream()
        .filter(l -> l.startsWith(label))
        .map(l -> l.substring(label.length()).strip())
        .findFirst()
        .orElseThrow();
  }

  /** One channel as the admin API shows it ({@code DataTransferChannel}). */
  JsonNode channel(String id) throws Exception {
    String url =
        Files.readString(home.resolve("admin.url")).strip()
            + "/api/v0/DataTransferChannel?channel="
            + URLEncoder.encode(id, StandardCharsets.UTF_8);
    String token = Files.readString(home.resolve("token")).strip();
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Override
  public void close() throws Exception {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  @Override
  public String toString() {
    return home.getFileName().toString();
  }
}
