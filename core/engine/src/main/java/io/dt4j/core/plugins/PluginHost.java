package io.dt4j.core.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * Finds and holds the extensions that dt4j runs with, in one pass: PF4J plugin jars and zips in the
 * plugins directory (in file-name order), then {@link java.util.ServiceLoader} providers on the
 * application class path.
 *
 * <p>A plugin that cannot be used — a corrupt jar, a missing descriptor, a {@code Plugin-Requires}
 * that this dt4j does not meet, a missing dependency, an extension class that needs a missing class
 * — yields one {@link PluginLoadError} naming its file and the reason, and the other plugins still
 * load; in strict mode any error makes {@link #start} fail instead. The host does not log the
 * errors: its owner reports them (the CLI prints them, the daemon logs them). Closing the host
 * stops and unloads the plugins.
 */
public final class PluginHost implements AutoCloseable {
  private final Optional<Dt4jPluginManager> plugins;
  private final List<DiscoveredExtension> extensions;
  private final List<PluginLoadError> errors;

  private PluginHost(
      Optional<Dt4jPluginManager> plugins,
      List<DiscoveredExtension> extensions,
      List<PluginLoadError> errors) {
    this.plugins = plugins;
    this.extensions = List.copyOf(extensions);
    this.errors = List.copyOf(errors);
  }

  /**
   * Loads the plugins and finds every extension.
   *
   * @param options where to look and how strictly
   * @return the started host
   * @throws PluginLoadException in strict mode, if anything could not be loaded
   * @throws IllegalArgumentException if the plugins directory does not exist
   */
  public static PluginHost start(PluginHostOptions options) throws PluginLoadException {
    List<PluginLoadError> errors = new ArrayList<>();
    ExtensionCatalog catalog = new ExtensionCatalog(errors);
    Optional<Dt4jPluginManager> manager =
        options.pluginsDir().map(dir -> loadPlugins(dir, options));
    manager.ifPresent(
        pm -> {
          errors.addAll(pm.errors());
          pluginExtensions(pm, errors).forEach(catalog::add);
        });
    ClassPathExtensions.find(options.classLoader(), errors).forEach(catalog::add);

    PluginHost host = new PluginHost(manager, catalog.extensions(), errors);
    if (options.strict() && !errors.isEmpty()) {
      host.close();
      throw new PluginLoadException(errors);
    }
    return host;
  }

  private static Dt4jPluginManager loadPlugins(Path dir, PluginHostOptions options) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("plugins directory not found: " + dir);
    }
    Dt4jPluginManager manager = new Dt4jPluginManager(dir, options.systemVersion());
    manager.loadPlugins();
    manager.startPlugins();
    return manager;
  }

  private static List<ExtensionCandidate> pluginExtensions(
      Dt4jPluginManager manager, List<PluginLoadError> errors) {
    List<ExtensionCandidate> found = new ArrayList<>();
    List<PluginWrapper> wrappers = new ArrayList<>(manager.getPlugins());
    wrappers.sort(Comparator.comparing(PluginWrapper::getPluginPath));
    for (PluginWrapper plugin : wrappers) {
      Path file = plugin.getPluginPath();
      if (plugin.getPluginState() == PluginState.FAILED) {
        errors.add(
            new PluginLoadError(
                file, "plugin failed to start: " + Failures.describe(plugin.getFailedException())));
      }
      if (plugin.getPluginState() != PluginState.STARTED) {
        continue;
      }
      ExtensionSource source =
          new ExtensionSource(plugin.getPluginId(), plugin.getDescriptor().getVersion(), file);
      Set<String> classNames = indexOf(plugin, errors);
      if (classNames.isEmpty()) {
        errors.add(
            new PluginLoadError(
                file,
                "plugin "
                    + plugin.getPluginId()
                    + " lists no extensions: "
                    + PluginIndex.EXTENSIONS_IDX
                    + " is missing or empty (was PF4J's annotation processor run?)"));
      }
      for (String className : classNames) {
        ExtensionInstantiator.create(className, plugin.getPluginClassLoader(), source, errors)
            .ifPresent(found::add);
      }
    }
    return found;
  }

  private static Set<String> indexOf(PluginWrapper plugin, List<PluginLoadError> errors) {
    try {
      return PluginIndex.classNames(plugin);
    } catch (IOException e) {
      errors.add(
          new PluginLoadError(
              plugin.getPluginPath(), "cannot read the extension index: " + Failures.describe(e)));
      return new LinkedHashSet<>();
    }
  }

  /** Returns every extension found, each in each of its roles, in discovery order. */
  public List<DiscoveredExtension> extensions() {
    return extensions;
  }

  /**
   * Returns the extension objects that implement one extension point, each once.
   *
   * @param point the extension point interface, e.g. {@code VoucherType.class}
   * @param <T> the extension point type
   * @return the extensions, in discovery order
   */
  public <T> List<T> extensions(Class<T> point) {
    Set<Object> seen = new LinkedHashSet<>();
    extensions.stream()
        .map(DiscoveredExtension::instance)
        .filter(point::isInstance)
        .forEach(seen::add);
    return seen.stream().map(point::cast).toList();
  }

  /** Returns the problems found while loading; empty when everything loaded. */
  public List<PluginLoadError> errors() {
    return errors;
  }

  /** Stops and unloads the plugins. */
  @Override
  public void close() {
    plugins.ifPresent(
        pm -> {
          pm.stopPlugins();
          pm.unloadPlugins();
        });
  }
}
