package io.dt4j.daemon.admin;

import io.dt4j.core.plugins.TestPlugins;
import io.dt4j.daemon.Dt4jHome;
import io.dt4j.daemon.NodeConfig;
import io.dt4j.daemon.Setting;
import io.dt4j.daemon.Settings;
import io.dt4j.daemon.TransfersFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * A daemon in this JVM on a fresh home, for tests that talk to it over the admin API or through the
 * CLI with {@code --home}: the example-voucher plugin in its plugins folder, and settings as given
 * (e.g. the class-path test transport, so pulls are allowed).
 */
public final class TestDaemon implements AutoCloseable {
  private final Dt4jHome home;
  private final Daemon daemon;

  private TestDaemon(Dt4jHome home, Daemon daemon) {
    this.home = home;
    this.daemon = daemon;
  }

  /**
   * Starts a daemon.
   *
   * @param dir the home folder, fresh
   * @param settings setting values, as flags would give them
   * @param transfers the node's transfers
   * @return the running daemon
   */
  public static TestDaemon start(
      Path dir, Map<Setting, String> settings, TransfersFactory transfers) {
    try {
      Files.createDirectories(dir.resolve("plugins"));
      TestPlugins.copyExamplePlugin(dir.resolve("plugins"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<Setting, Settings.Value> flags = new EnumMap<>(Setting.class);
    settings.forEach((setting, value) -> flags.put(setting, new Settings.Value(value, "test")));
    Dt4jHome home = Dt4jHome.of(dir);
    NodeConfig config = NodeConfig.of(home, Settings.load(null, Map.of(), flags));
    return new TestDaemon(home, Daemon.start(config, transfers));
  }

  /** Returns the home. */
  public Dt4jHome home() {
    return home;
  }

  /** Returns the daemon. */
  public Daemon daemon() {
    return daemon;
  }

  /** Returns the first listen address, with {@code /p2p}. */
  public String address() {
    return daemon.node().addresses().get(0).toString();
  }

  /** Returns the token. */
  public String token() {
    try {
      return Files.readString(home.tokenFile()).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends a raw request with the given authorization header (or none).
   *
   * @param method GET or POST
   * @param path e.g. {@code /api/v0/ID}
   * @param body a POST body, or null
   * @param authorization the header's value, or null
   * @return the response
   */
  public HttpResponse<String> request(
      String method, String path, String body, String authorization) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(daemon.url() + path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    try {
      return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Sends a request with the right token. */
  public HttpResponse<String> authorized(String method, String path, String body) {
    return request(method, path, body, "Bearer " + token());
  }

  @Override
  public void close() {
    daemon.close();
  }
}
