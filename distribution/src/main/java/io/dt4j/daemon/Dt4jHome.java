package io.dt4j.daemon;

import java.nio.file.Path;
import java.util.Objects;

/**
 * dt4j's home folder and what lives in it. Chosen in this order: {@code --home}, the system
 * property {@code dt4j.home} (set by {@code bin/dt4j}), the environment variable {@code DT4J_HOME},
 * {@code ~/.dt4j}.
 *
 * <pre>
 * conf/dt4j.conf   the daemon's configuration (optional; every key has a default)
 * plugins/         PF4J plugin jars and zips
 * identity.key     the node's libp2p identity (0600), created on the first daemon start
 * blocks/          the block store
 * data/            the channel store
 * daemon.lock      held by the running daemon; holds its pid
 * token            the admin API's bearer token (0600)
 * admin.url        the admin API's URL while the daemon runs
 * </pre>
 */
public final class Dt4jHome {

  /** The system property {@code bin/dt4j} sets. */
  public static final String PROPERTY = "dt4j.home";

  /** The environment variable read when the system property is not set. */
  public static final String ENVIRONMENT_VARIABLE = "DT4J_HOME";

  private final Path home;

  private Dt4jHome(Path home) {
    this.home = home.toAbsolutePath().normalize();
  }

  /**
   * Returns the home given on the command line, else the one from this process's settings.
   *
   * @param option the {@code --home} option, or null
   * @return the home
   */
  public static Dt4jHome of(Path option) {
    return choose(
        option,
        System.getProperty(PROPERTY),
        System.getenv(ENVIRONMENT_VARIABLE),
        System.getProperty("user.home"));
  }

  /** The first of the candidates that is set; blank values count as not set. */
  static Dt4jHome choose(Path option, String property, String environment, String userHome) {
    if (option != null) {
      return new Dt4jHome(option);
    }
    if (property != null && !property.isBlank()) {
      return new Dt4jHome(Path.of(property));
    }
    if (environment != null && !environment.isBlank()) {
      return new Dt4jHome(Path.of(environment));
    }
    return new Dt4jHome(Path.of(Objects.requireNonNull(userHome, "user.home"), ".dt4j"));
  }

  /** Returns the home folder, absolute; it need not exist. */
  public Path home() {
    return home;
  }

  /** Returns where PF4J plugin jars and zips are looked for by default: {@code <home>/plugins}. */
  public Path pluginsDir() {
    return home.resolve("plugins");
  }

  /** Returns the block store's folder, {@code <home>/blocks}. */
  public Path blocksDir() {
    return home.resolve("blocks");
  }

  /** Returns the channel store's folder, {@code <home>/data}. */
  public Path dataDir() {
    return home.resolve("data");
  }

  /** Returns the configuration file, {@code <home>/conf/dt4j.conf}. */
  public Path configFile() {
    return home.resolve("conf").resolve("dt4j.conf");
  }

  /** Returns the node's identity key file, {@code <home>/identity.key}. */
  public Path identityKey() {
    return home.resolve("identity.key");
  }

  /** Returns where the addresses of known peers are kept, {@code <home>/data/peers.txt}. */
  public Path peerAddressesFile() {
    return dataDir().resolve("peers.txt");
  }

  /** Returns the lock file the running daemon holds, {@code <home>/daemon.lock}. */
  public Path lockFile() {
    return home.resolve("daemon.lock");
  }

  /** Returns the admin API's bearer token file, {@code <home>/token}. */
  public Path tokenFile() {
    return home.resolve("token");
  }

  /** Returns the file holding the running daemon's admin URL, {@code <home>/admin.url}. */
  public Path adminUrlFile() {
    return home.resolve("admin.url");
  }

  @Override
  public String toString() {
    return home.toString();
  }
}
