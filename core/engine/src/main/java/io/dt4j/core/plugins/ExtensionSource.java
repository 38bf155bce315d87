package io.dt4j.core.plugins;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where an extension came from: a PF4J plugin (its id, version and file) or the application class
 * path (plugin id {@value #CLASSPATH}, the version of the jar's manifest, the jar or directory).
 *
 * @param pluginId the plugin id, or {@value #CLASSPATH}
 * @param version the plugin's version, or the jar's implementation version, or {@code -}
 * @param file the plugin file, or the class-path entry holding the class
 */
public record ExtensionSource(String pluginId, String version, Path file) {
  /** The plugin id of extensions found on the application class path. */
  public static final String CLASSPATH = "classpath";

  /** Checks that no part is missing. */
  public ExtensionSource {
    Objects.requireNonNull(pluginId, "pluginId");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(file, "file");
  }

  /** Returns e.g. {@code plugin example-voucher 0.1.0 (/opt/dt4j/plugins/example.jar)}. */
  @Override
  public String toString() {
    String what = CLASSPATH.equals(pluginId) ? "class path" : "plugin " + pluginId + " " + version;
    return what + " (" + file + ")";
  }
}
