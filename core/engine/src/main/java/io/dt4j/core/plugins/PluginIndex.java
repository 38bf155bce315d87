package io.dt4j.core.plugins;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import org.pf4j.PluginWrapper;

/**
 * Reads the extension class names that a plugin lists in its own files: PF4J's {@code
 * META-INF/extensions.idx} (written by PF4J's annotation processor for {@code @Extension} classes)
 * and {@code META-INF/services/<extension point>} files.
 *
 * <p>Only the plugin's own entries count: PF4J's class loader falls back to the application's
 * resources when a plugin has no index, which would attribute class-path extensions to the plugin.
 */
final class PluginIndex {
  static final String EXTENSIONS_IDX = "META-INF/extensions.idx";

  private PluginIndex() {}

  static Set<String> classNames(PluginWrapper plugin) throws IOException {
    Set<String> names = new LinkedHashSet<>();
    if (!(plugin.getPluginClassLoader() instanceof URLClassLoader loader)) {
      return names;
    }
    URL index = loader.findResource(EXTENSIONS_IDX);
    if (index != null) {
      read(index, names);
    }
    for (Class<?> point : ExtensionKind.EXTENSION_POINTS) {
      for (URL services :
          Collections.list(loader.findResources("META-INF/services/" + point.getName()))) {
        read(services, names);
      }
    }
    return names;
  }

  private static void read(URL url, Set<String> names) throws IOException {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        int comment = line.indexOf('#');
        String name = (comment >= 0 ? line.substring(0, comment) : line).strip();
        if (!name.isEmpty()) {
          names.add(name);
        }
      }
    }
  }
}
