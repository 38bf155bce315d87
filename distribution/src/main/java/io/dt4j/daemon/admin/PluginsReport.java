package io.dt4j.daemon.admin;

import io.dt4j.core.plugins.DiscoveredExtension;
import io.dt4j.core.plugins.PluginHost;
import io.dt4j.core.plugins.PluginLoadError;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code dt4j plugins} lists, and the admin API's {@code Plugins}: every extension found, then
 * each plugin that could not be loaded. Field names are stable.
 *
 * @param pluginsDir the plugins folder
 * @param extensions the extensions, each in each of its roles
 * @param errors the plugins that could not be loaded
 */
public record PluginsReport(
    String pluginsDir,
    List<PluginsReport.ExtensionRow> extensions,
    List<PluginsReport.ErrorRow> errors) {

  /**
   * Describes a plugin host's findings.
   *
   * @param dir the plugins folder
   * @param host the started host
   * @return the report
   */
  public static PluginsReport of(Path dir, PluginHost host) {
    return new PluginsReport(
        dir.toString(),
        host.extensions().stream().map(ExtensionRow::of).toList(),
        host.errors().stream().map(ErrorRow::of).toList());
  }

  /**
   * One extension in one role.
   *
   * @param kind the role, e.g. {@code voucher-type}
   * @param id its identifier, transport name or class name
   * @param className its class
   * @param handles the keys it claims (voucher types, transport name)
   * @param plugin the plugin id, or {@code classpath}
   * @param version the plugin's version
   * @param source the plugin file, or the class path entry
   */
  public record ExtensionRow(
      String kind,
      String id,
      String className,
      List<String> handles,
      String plugin,
      String version,
      String source) {

    /** Describes a discovered extension. */
    public static ExtensionRow of(DiscoveredExtension e) {
      return new ExtensionRow(
          e.kind().label(),
          e.id(),
          e.className(),
          e.claims(),
          e.source().pluginId(),
          e.source().version(),
          e.source().file().toString());
    }
  }

  /**
   * A plugin that could not be loaded.
   *
   * @param file the plugin file
   * @param reason why
   */
  public record ErrorRow(String file, String reason) {

    /** Describes a load error. */
    public static ErrorRow of(PluginLoadError e) {
      return new ErrorRow(e.file().toString(), e.reason());
    }
  }
}
