package io.dt4j.cli;

import io.dt4j.core.Dt4jVersion;
import java.util.List;
import picocli.CommandLine.IVersionProvider;

/**
 * The lines {@code dt4j --version} and {@code dt4j version} print: dt4j's own version, the Java
 * runtime, and the version that plugins' {@code Plugin-Requires} ranges are checked against.
 */
public final class VersionLines implements IVersionProvider {
  private final Dt4jVersion version = Dt4jVersion.current();

  /** Returns dt4j's version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public String version() {
    return version.full();
  }

  /** Returns the version plugins' {@code Plugin-Requires} ranges are checked against. */
  public String pluginApiVersion() {
    return version.release();
  }

  /** The lines of {@code dt4j --version}. */
  @Override
  public String[] getVersion() {
    return lines().toArray(String[]::new);
  }

  List<String> lines() {
    return List.of(
        "dt4j " + version.full(),
        "java:       "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ", "
            + System.getProperty("java.home")
            + ")",
        "plugin API: " + version.release());
  }
}
