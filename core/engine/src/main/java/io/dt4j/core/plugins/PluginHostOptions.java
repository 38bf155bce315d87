package io.dt4j.core.plugins;

import io.dt4j.core.Dt4jVersion;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How the {@link PluginHost} looks for extensions.
 *
 * @param pluginsDir the directory of PF4J plugin jars and zips; empty to use the class path only
 * @param strict whether any plugin error makes start-up fail
 * @param systemVersion the dt4j version that {@code Plugin-Requires} expressions are checked
 *     against, without a pre-release qualifier
 * @param classLoader where {@link java.util.ServiceLoader} looks for class-path extensions, and the
 *     parent of the plugins' class loaders
 */
public record PluginHostOptions(
    Optional<Path> pluginsDir, boolean strict, String systemVersion, ClassLoader classLoader) {

  /** Checks that no part is missing. */
  public PluginHostOptions {
    Objects.requireNonNull(pluginsDir, "pluginsDir");
    Objects.requireNonNull(systemVersion, "systemVersion");
    Objects.requireNonNull(classLoader, "classLoader");
  }

  /**
   * Returns the options for a plugins directory, with this build's version and class loader.
   *
   * @param pluginsDir the plugins directory
   * @param strict whether any plugin error is fatal
   * @return the options
   */
  public static PluginHostOptions of(Path pluginsDir, boolean strict) {
    return new PluginHostOptions(
        Optional.of(pluginsDir),
        strict,
        Dt4jVersion.current().release(),
        PluginHost.class.getClassLoader());
  }

  /** Returns the options for class-path extensions only. */
  public static PluginHostOptions classPathOnly() {
    return new PluginHostOptions(
        Optional.empty(),
        false,
        Dt4jVersion.current().release(),
        PluginHost.class.getClassLoader());
  }
}
