package io.dt4j.cli;

import java.nio.file.Path;
import java.util.Objects;

/**
 * dt4j's home folder and the folders under it. Chosen in this order: {@code --home}, the system
 * property {@code dt4j.home} (set by {@code bin/dt4j}), the environment variable {@code DT4J_HOME},
 * {@code ~/.dt4j}.
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

  /** The home given on the command line, else the one from this process's settings. */
  static Dt4jHome of(Path option) {
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

  /** The home folder, absolute; it need not exist. */
  public Path home() {
    return home;
  }

  /** Where PF4J plugin jars and zips are looked for: {@code <home>/plugins}. */
  public Path pluginsDir() {
    return home.resolve("plugins");
  }

  /**
   * Where {@code dt4j import} stores blocks and {@code dt4j export CID} reads them: {@code
   * <home>/blocks}.
   */
  public Path blocksDir() {
    return home.resolve("blocks");
  }

  @Override
  public String toString() {
    return home.toString();
  }
}
