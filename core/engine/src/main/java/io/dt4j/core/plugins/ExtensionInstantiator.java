package io.dt4j.core.plugins;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Loads and creates one extension class of a plugin, turning each way it can fail into a {@link
 * PluginLoadError} that names the plugin file, the class and the reason.
 */
final class ExtensionInstantiator {
  private ExtensionInstantiator() {}

  static Optional<ExtensionCandidate> create(
      String className, ClassLoader loader, ExtensionSource source, List<PluginLoadError> errors) {
    Path file = source.file();
    try {
      Class<?> type = Class.forName(className, false, loader);
      Object instance = type.getDeclaredConstructor().newInstance();
      if (ExtensionKind.of(instance).isEmpty()) {
        errors.add(
            new PluginLoadError(
                file,
                "extension "
                    + className
                    + " implements no dt4j extension point as the application loads it"
                    + " (does the plugin bundle dt4j-plugin-api? declare it <scope>provided</scope>)"));
        return Optional.empty();
      }
      return Optional.of(new ExtensionCandidate(instance, source));
    } catch (ClassNotFoundException e) {
      errors.add(
          new PluginLoadError(file, "extension class " + className + " is listed but missing"));
    } catch (NoSuchMethodException e) {
      errors.add(
          new PluginLoadError(
              file, "extension " + className + " has no public no-argument constructor"));
    } catch (InvocationTargetException e) {
      errors.add(
          new PluginLoadError(
              file,
              "extension "
                  + className
                  + " failed in its constructor: "
                  + Failures.describe(e.getCause())));
    } catch (ReflectiveOperationException e) {
      errors.add(
          new PluginLoadError(
              file, "cannot create extension " + className + ": " + Failures.describe(e)));
    } catch (LinkageError e) {
      errors.add(
          new PluginLoadError(
              file,
              "extension "
                  + className
                  + " needs a class that is missing or incompatible: "
                  + Failures.describe(e)));
    }
    return Optional.empty();
  }
}
