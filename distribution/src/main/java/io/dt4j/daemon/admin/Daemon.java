package io.dt4j.daemon.admin;

import io.dt4j.daemon.AdminToken;
import io.dt4j.daemon.Dt4jHome;
import io.dt4j.daemon.Dt4jNode;
import io.dt4j.daemon.NodeConfig;
import io.dt4j.daemon.NodeStartException;
import io.dt4j.daemon.TransfersFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dt4j daemon: a {@link Dt4jNode} served over the {@link AdminServer}, with the files clients
 * find it by: {@code <home>/token} (the bearer token, 0600) and {@code <home>/admin.url} (written
 * once the API listens, deleted on a clean stop).
 */
public final class Daemon implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

  private final Dt4jNode node;
  private final AdminServer server;
  private final AtomicBoolean closed = new AtomicBoolean();

  private Daemon(Dt4jNode node, AdminServer server) {
    this.node = node;
    this.server = server;
  }

  /**
   * Starts a node and its admin API.
   *
   * @param config the configuration
   * @return the running daemon
   * @throws io.dt4j.daemon.DaemonRunningException if another daemon runs on the home
   * @throws io.dt4j.daemon.SettingsException if a configured folder does not exist
   * @throws NodeStartException if a part cannot start
   * @throws io.dt4j.daemon.AdminTokenException if the token file cannot be made
   */
  public static Daemon start(NodeConfig config) {
    return start(config, TransfersFactory.MANAGER);
  }

  /**
   * Starts a node with the given transfers, and its admin API.
   *
   * @param config the configuration
   * @param transfersFactory makes the node's transfers
   * @return the running daemon
   */
  public static Daemon start(NodeConfig config, TransfersFactory transfersFactory) {
    Dt4jNode node = Dt4jNode.start(config, transfersFactory);
    try {
      Dt4jHome home = config.home();
      AdminToken token = AdminToken.loadOrCreate(home.tokenFile(), new SecureRandom());
      AdminServer server = startServer(node, token);
      Daemon daemon = new Daemon(node, server);
      writeUrl(home.adminUrlFile(), server.url());
      return daemon;
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
  }

  private static AdminServer startServer(Dt4jNode node, AdminToken token) {
    try {
      return AdminServer.start(node, token, Clock.systemUTC());
    } catch (IOException e) {
      throw new NodeStartException(
          "cannot serve the admin API on " + node.config().adminListen() + ": " + e.getMessage(),
          e);
    }
  }

  private static void writeUrl(Path file, URI url) {
    try {
      Path temp = Files.createTempFile(file.getParent(), ".admin.url", ".tmp");
      Files.writeString(temp, url + "\n", StandardCharsets.US_ASCII);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new NodeStartException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Returns the node. */
  public Dt4jNode node() {
    return node;
  }

  /** Returns the admin API's server. */
  AdminServer server() {
    return server;
  }

  /** Returns the admin API's URL. */
  public URI url() {
    return server.url();
  }

  /** Stops serving, then stops the node; deletes {@code admin.url}. Safe to call twice. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      Files.deleteIfExists(node.config().home().adminUrlFile());
    } catch (IOException e) {
      LOG.warn("cannot delete {}: {}", node.config().home().adminUrlFile(), e.toString());
    }
    server.close();
    node.close();
  }
}
