package io.dt4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One daemon of the unpacked distribution on a fixed home and libp2p port, that can be killed
 * (SIGKILL) and started again on the same home and port, and is driven through its admin API.
 */
final class DaemonNode implements AutoCloseable {
  static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final Path launcher;
  private final Path plugins;
  private final String name;
  private final Path home;
  private final int port;
  private Process process;
  private Path out;
  private int starts;
  private String peerId;

  /** A node named {@code name} under {@code scratch}; its conf file holds {@code conf}. */
  DaemonNode(Path launcher, Path plugins, Path scratch, String name, String conf)
      throws IOException {
    this.launcher = launcher;
    this.plugins = plugins;
    this.name = name;
    this.home = Files.createDirectories(scratch.resolve(name));
    Files.writeString(Files.createDirectories(home.resolve("conf")).resolve("dt4j.conf"), conf);
    this.port = freePort();
  }

  Path home() {
    return home;
  }

  int port() {
    return port;
  }

  String peerId() {
    return peerId;
  }

  /** This node's libp2p address, or the same peer behind another port (a proxy). */
  String address(int viaPort) {
    return "/ip4/127.0.0.1/tcp/" + viaPort + "/p2p/" + peerId;
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** Starts the daemon and waits until it is ready. */
  void start() throws Exception {
    starts++;
    out = home.resolveSibling(name + "." + starts + ".out");
    Path err = home.resolveSibling(name + "." + starts + ".err");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    launcher.toString(),
                    "daemon",
                    "--home",
                    home.toString(),
                    "--plugins-dir",
                    plugins.toString(),
                    "--listen",
                    "/ip4/127.0.0.1/tcp/" + port))
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder
        .environment()
        .keySet()
        .removeIf(n -> n.startsWith("DT4J_") || n.startsWith("GOLOG_") || n.equals("JAVA_OPTS"));
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    process = builder.start();
    Process started = process;
    await()
        .atMost(START_TIMEOUT)
        .until(() -> !started.isAlive() || Files.readString(out).contains("daemon ready\n"));
    assertThat(started.isAlive()).as("%s did not start: %s", name, Files.readString(err)).isTrue();
    peerId =
        Files.readAllLines(out).stream()
            .filter(l -> l.startsWith("peer id:"))
            .map(l -> l.substring("peer id:".length()).strip())
            .findFirst()
            .orElseThrow();
  }

  /** SIGKILL: no shutdown hook runs. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s killed", name).isTrue();
  }

  /** Stops it with SIGTERM. */
  @Override
  public void close() throws InterruptedException {
    if (isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        kill();
      }
    }
  }

  /** GET of an admin endpoint; a reply other than 200 is an assertion error. */
  JsonNode get(String endpoint) throws Exception {
    return call(HttpRequest.newBuilder(api(endpoint)).GET());
  }

  /** POST of a JSON body to an admin endpoint. */
  JsonNode post(String endpoint, Object body) throws Exception {
    return call(
        HttpRequest.newBuilder(api(endpoint))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  /** The one channel of this node, or null when there is none. */
  JsonNode channel() throws Exception {
    JsonNode channels = get("ListDataTransfers").get("channels");
    return channels.isEmpty() ? null : channels.get(0);
  }

  private JsonNode call(HttpRequest.Builder request) throws Exception {
    String token = Files.readString(home.resolve("token")).strip();
    HttpResponse<String> reply =
        HTTP.send(
            request
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (reply.statusCode() != 200) {
      throw new AdminError(reply.statusCode(), reply.uri() + ": " + reply.body());
    }
    return JSON.readTree(reply.body());
  }

  private URI api(String endpoint) throws IOException {
    return URI.create(Files.readString(home.resolve("admin.url")).strip() + "/api/v0/" + endpoint);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** An admin API reply other than 200. */
  static final class AdminError extends IOException {
    final int status;

    AdminError(int status, String message) {
      super(status + " " + message);
      this.status = status;
    }
  }
}
