package io.dt4j.core.plugins;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.pf4j.DefaultPluginManager;
import org.pf4j.DependencyResolver;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginRepository;
import org.pf4j.PluginRuntimeException;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;

/**
 * PF4J's deployment-mode manager (jar and zip plugins in one directory) that records, for each
 * plugin file that cannot be used, one {@link PluginLoadError} naming the file and the reason —
 * where PF4J itself only logs and goes on, or throws for the whole directory.
 */
final class Dt4jPluginManager extends DefaultPluginManager {
  private final List<PluginLoadError> errors = new ArrayList<>();

  /** Set by PF4J's constructor through {@link #createPluginRepository()}: no initializer here. */
  private CheckedPluginRepository repository;

  Dt4jPluginManager(Path pluginsDir, String systemVersion) {
    super(pluginsDir);
    setSystemVersion(systemVersion);
    // a plugin whose dependencies are missing is left out and reported, the others still load
    setResolveRecoveryStrategy(ResolveRecoveryStrategy.IGNORE_PLUGIN_AND_CONTINUE);
  }

  /** Returns the problems recorded while loading, broken files first. */
  List<PluginLoadError> errors() {
    List<PluginLoadError> all = new ArrayList<>(repository.errors());
    all.addAll(errors);
    return all;
  }

  @Override
  protected PluginRepository createPluginRepository() {
    repository = new CheckedPluginRepository(super.createPluginRepository(), getPluginsRoots());
    return repository;
  }

  /** Always deployment mode: jars and zips, whatever the {@code pf4j.mode} property says. */
  @Override
  public RuntimeMode getRuntimeMode() {
    return RuntimeMode.DEPLOYMENT;
  }

  @Override
  protected PluginWrapper loadPluginFromPath(Path pluginPath) {
    try {
      return super.loadPluginFromPath(pluginPath);
    } catch (RuntimeException e) {
      errors.add(new PluginLoadError(pluginPath, "cannot load plugin: " + Failures.describe(e)));
      throw e instanceof PluginRuntimeException pre ? pre : new PluginRuntimeException(e);
    }
  }

  @Override
  protected boolean isPluginValid(PluginWrapper plugin) {
    boolean valid = super.isPluginValid(plugin);
    if (!valid) {
      PluginDescriptor d = plugin.getDescriptor();
      errors.add(
          new PluginLoadError(
              plugin.getPluginPath(),
              "plugin "
                  + d.getPluginId()
                  + " "
                  + d.getVersion()
                  + " requires dt4j "
                  + d.getRequires()
                  + ", but this is dt4j "
                  + getSystemVersion()));
    }
    return valid;
  }

  @Override
  protected DependencyResolver.Result resolveDependencies() {
    List<PluginDescriptor> descriptors =
        plugins.values().stream().map(PluginWrapper::getDescriptor).collect(Collectors.toList());
    DependencyResolver.Result result = dependencyResolver.resolve(descriptors);
    for (String missing : result.getNotFoundDependencies()) {
      for (String dependent : dependencyResolver.getDependents(missing)) {
        recordFor(dependent, "needs plugin " + missing + ", which is not in the plugins directory");
      }
    }
    for (DependencyResolver.WrongDependencyVersion wrong : result.getWrongVersionDependencies()) {
      recordFor(
          wrong.getDependentId(),
          "needs plugin "
              + wrong.getDependencyId()
              + " "
              + wrong.getRequiredVersion()
              + ", but "
              + wrong.getExistingVersion()
              + " is installed");
    }
    return super.resolveDependencies();
  }

  private void recordFor(String pluginId, String reason) {
    PluginWrapper plugin = plugins.get(pluginId);
    if (plugin != null) {
      errors.add(new PluginLoadError(plugin.getPluginPath(), "plugin " + pluginId + " " + reason));
    }
  }
}
