package io.dt4j.core.plugins;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds extensions on the application class path with {@link ServiceLoader}: classes listed in
 * {@code META-INF/services/<extension point>} files of the jars and directories there. Tests and
 * embedding applications need no plugin jars this way.
 */
final class ClassPathExtensions {
  /** Bounds the walk over one extension point, whatever broken provider files say. */
  private static final int MAX_PROVIDERS = 10_000;

  private static final Path CLASS_PATH = Path.of(ExtensionSource.CLASSPATH);

  private ClassPathExtensions() {}

  static List<ExtensionCandidate> find(ClassLoader loader, List<PluginLoadError> errors) {
    Map<Class<?>, ExtensionCandidate> byClass = new LinkedHashMap<>();
    for (Class<?> point : ExtensionKind.EXTENSION_POINTS) {
      Iterator<?> providers = ServiceLoader.load(point, loader).iterator();
      for (int i = 0; i < MAX_PROVIDERS; i++) {
        try {
          if (!providers.hasNext()) {
            break;
          }
          Object instance = providers.next();
          byClass.computeIfAbsent(
              instance.getClass(), type -> new ExtensionCandidate(instance, sourceOf(type)));
        } catch (ServiceConfigurationError e) {
          errors.add(new PluginLoadError(CLASS_PATH, Failures.describe(e)));
        }
      }
    }
    return List.copyOf(byClass.values());
  }

  private static ExtensionSource sourceOf(Class<?> type) {
    String version =
        type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
    return new ExtensionSource(
        ExtensionSource.CLASSPATH, version == null ? "-" : version, location(type));
  }

  private static Path location(Class<?> type) {
    CodeSource code = type.getProtectionDomain().getCodeSource();
    if (code == null || code.getLocation() == null) {
      return CLASS_PATH;
    }
    try {
      return Path.of(code.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Path.of(code.getLocation().getPath());
    }
  }
}
