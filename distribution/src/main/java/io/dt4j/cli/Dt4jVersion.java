package io.dt4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The versions {@code dt4j --version} and {@code dt4j version} print: dt4j's own (from the build),
 * the Java runtime's and the plugin API's.
 */
public final class Dt4jVersion implements IVersionProvider {

  private static final String RESOURCE = "dt4j-version.properties";
  private static final String UNKNOWN = "unknown";

  private final String version;
  private final String pluginApiVersion;

  /** Reads the versions this build was made with. */
  public Dt4jVersion() {
    Properties build = readBuildProperties();
    this.version = build.getProperty("version", manifestVersion());
    this.pluginApiVersion = build.getProperty("plugin.api.version", UNKNOWN);
  }

  /** dt4j's version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public String version() {
    return version;
  }

  /**
   * The version plugins' {@code Plugin-Requires} ranges are checked against, e.g. {@code 0.1.0}.
   */
  public String pluginApiVersion() {
    return pluginApiVersion;
  }

  /** The lines of {@code dt4j --version}. */
  @Override
  public String[] getVersion() {
    return lines().toArray(String[]::new);
  }

  List<String> lines() {
    return List.of(
        "dt4j " + version,
        "java:       "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ", "
            + System.getProperty("java.home")
            + ")",
        "plugin API: " + pluginApiVersion);
  }

  private static Properties readBuildProperties() {
    Properties properties = new Properties();
    try (InputStream in = Dt4jVersion.class.getResourceAsStream(RESOURCE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return properties;
  }

  private static String manifestVersion() {
    String fromManifest = Dt4jVersion.class.getPackage().getImplementationVersion();
    return fromManifest != null ? fromManifest : UNKNOWN;
  }
}
