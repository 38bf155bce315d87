package io.dt4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dt4j.cli.Launcher.ProcessRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;

/**
 * A {@code bin/dt4j daemon} process of an unpacked distribution, with its own home and plugins
 * folder, settings in its environment, driven through {@code bin/dt4j} as a user would; and its
 * event stream, to see what each side saw.
 *
 * @param name the daemon's name, its home's folder name
 * @param process the daemon
 * @param launcher the distribution's {@code bin/dt4j}
 * @param home its home
 * @param out its standard output (the ready lines)
 * @param err its standard error (its log)
 */
record DaemonProcess(String name, Process process, Path launcher, Path home, Path out, Path err) {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final Duration PATIENCE = Duration.ofSeconds(Launcher.TIMEOUT_SECONDS);

  /**
   * Starts a daemon and waits until it is ready.
   *
   * @param launcher the distribution's {@code bin/dt4j}
   * @param scratch where its home and output go
   * @param name its name
   * @param plugins its plugins folder
   * @param environment extra environment, e.g. {@code DT4J_FILECOIN_VOUCHERS_*} settings
   */
  static DaemonProcess start(
      Path launcher, Path scratch, String name, Path plugins, Map<String, String> environment)
      throws Exception {
    Path home = Files.createDirectories(scratch.resolve(name));
    Path out = scratch.resolve(name + ".out");
    Path err = scratch.resolve(name + ".err");
    List<String> command =
        List.of(
            launcher.toString(),
            "daemon",
            "--home",
            home.toString(),
            "--plugins-dir",
            plugins.toString());
    Map<String, String> env = new HashMap<>(environment);
    env.put("JAVA_HOME", System.getProperty("java.home"));
    Process process = Launcher.start(command, env, out, err);
    await()
        .atMost(PATIENCE)
        .until(() -> !process.isAlive() || Files.readString(out).contains("daemon ready\n"));
    assertThat(process.isAlive()).as("%s", Files.readString(err)).isTrue();
    return new DaemonProcess(name, process, launcher, home, out, err);
  }

  /** Returns a value the daemon printed when ready, e.g. {@code listen:}. */
  String line(String label) throws Exception {
    return Files.readAllLines(out).stream()
        .filter(l -> l.startsWith(label))
        .map(l -> l.substring(label.length()).strip())
        .findFirst()
        .orElseThrow();
  }

  /** Waits until the daemon's log has a line with all the texts; returns that line. */
  String awaitLogLine(String... texts) {
    return await()
        .atMost(PATIENCE)
        .until(
            () ->
                Files.readAllLines(err).stream()
                    .filter(l -> java.util.Arrays.stream(texts).allMatch(l::contains))
                    .findFirst(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  /** Returns the multiaddr other daemons reach this one at. */
  String address() throws Exception {
    return line("listen:");
  }

  /** Runs {@code bin/dt4j ARGS --home HOME}. */
  ProcessRun cli(String... args) throws Exception {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--home", home.toString()));
    try {
      return Launcher.dt4j(home.getParent(), launcher, all.toArray(String[]::new));
    } catch (AssertionError e) {
      // a command that hung: the daemon's last log lines say where it stood
      List<String> log = Files.readAllLines(err);
      throw new AssertionError(
          e.getMessage()
              + "\n"
              + name
              + "'s log, last lines:\n"
              + String.join("\n", log.subList(Math.max(0, log.size() - 40), log.size())),
          e);
    }
  }

  /** Imports a file; returns its root CID. */
  String importFile(Path file) throws Exception {
    ProcessRun run = cli("import", "-q", file.toString());
    assertThat(run.exitCode()).as("%s", run.err()).isZero();
    return run.out().get(0);
  }

  /** Returns {@code dt4j channel show ID --json}. */
  JsonNode channel(String id) throws Exception {
    ProcessRun run = cli("channel", "show", id, "--json");
    assertThat(run.exitCode()).as("%s", run.err()).isZero();
    return JSON.readTree(String.join("\n", run.out()));
  }

  /** Waits until the channel has the status; returns it then. */
  JsonNode awaitStatus(String id, String status) {
    return await()
        .atMost(PATIENCE)
        .until(() -> channel(id), c -> status.equals(c.get("status").asText()));
  }

  /**
   * Subscribes to the daemon's event stream ({@code GET /api/v0/events}, what {@code dt4j channels
   * watch} reads) and returns once subscribed, so no later event is missed.
   */
  Events events() throws Exception {
    String url = Files.readString(home.resolve("admin.url")).strip() + "/api/v0/events";
    String token = Files.readString(home.resolve("token")).strip();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).build();
    HttpResponse<Stream<String>> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    Events events = new Events(response.body(), new CopyOnWriteArrayList<>());
    Thread reader = new Thread(events::read, name + "-events");
    reader.setDaemon(true);
    reader.start();
    return events;
  }

  /** Stops the daemon (SIGTERM) and waits for it. */
  void stop() throws Exception {
    process.destroy();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /**
   * The events of one daemon since the subscription, as the admin API sends them.
   *
   * @param lines the stream's lines
   * @param updates the {@code data:} objects read so far
   */
  record Events(Stream<String> lines, List<JsonNode> updates) implements AutoCloseable {

    private void read() {
      try {
        lines.filter(l -> l.startsWith("data:")).forEach(l -> updates.add(parse(l)));
      } catch (UncheckedIOException e) {
        // closed by the test, or the daemon stopped: the events so far are kept
      }
    }

    private static JsonNode parse(String line) {
      try {
        return JSON.readTree(line.substring("data:".length()));
      } catch (IOException e) {
        throw new IllegalStateException("not JSON: " + line, e);
      }
    }

    /** Returns the updates of one kind seen so far for one channel, in order. */
    List<JsonNode> updates(String channelId, String event) {
      return updates.stream()
          .filter(u -> u.path("channel").path("id").asText().equals(channelId))
          .filter(u -> u.path("event").asText().equals(event))
          .toList();
    }

    /** Returns the names of the events seen so far for one channel, in order. */
    List<String> of(String channelId) {
      return updates.stream()
          .filter(u -> u.path("channel").path("id").asText().equals(channelId))
          .map(u -> u.get("event").asText())
          .toList();
    }

    /** Waits until the channel had the event; returns all its events then. */
    List<String> await(String channelId, String event) {
      return Awaitility.await().atMost(PATIENCE).until(() -> of(channelId), e -> e.contains(event));
    }

    @Override
    public void close() {
      lines.close();
    }
  }
}
