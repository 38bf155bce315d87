package io.dt4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.dt4j.core.plugins.DiscoveredExtension;
import io.dt4j.core.plugins.PluginHost;
import io.dt4j.core.plugins.PluginHostOptions;
import io.dt4j.core.plugins.PluginLoadError;
import io.dt4j.core.plugins.PluginLoadException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code dt4j plugins}: loads the plugins as the node would and lists every extension found, with
 * its kind, id, plugin, version and source file, then each plugin that could not be loaded.
 */
@Command(
    name = "plugins",
    mixinStandardHelpOptions = true,
    description = {
      "List the extensions found in the plugins folder and on the class path.",
      "Exits 1 if any plugin could not be loaded (each problem is printed on stderr)."
    })
final class PluginsCommand implements Callable<Integer> {

  /** The {@code --json} document; field names are stable. */
  record Report(String pluginsDir, List<ExtensionRow> extensions, List<ErrorRow> errors) {}

  /** One extension in one role. */
  record ExtensionRow(
      String kind,
      String id,
      String className,
      List<String> handles,
      String plugin,
      String version,
      String source) {
    static ExtensionRow of(DiscoveredExtension e) {
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

  /** One plugin that could not be loaded. */
  record ErrorRow(String file, String reason) {
    static ErrorRow of(PluginLoadError e) {
      return new ErrorRow(e.file().toString(), e.reason());
    }
  }

  @ParentCommand private Dt4j dt4j;

  @Spec private CommandSpec spec;

  @Option(
      names = "--plugins-dir",
      paramLabel = "DIR",
      description = "Plugins folder (default: <home>/plugins).")
  private Path pluginsDir;

  @Option(names = "--strict", description = "Fail if any plugin cannot be loaded.")
  private boolean strict;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  private boolean json;

  @Override
  public Integer call() throws IOException {
    Path dir = pluginsDir != null ? pluginsDir : dt4j.home().pluginsDir();
    if (!Files.isDirectory(dir)) {
      throw new CliUsageException("plugins directory not found: " + dir);
    }
    PluginHost host;
    try {
      host = PluginHost.start(PluginHostOptions.of(dir, strict));
    } catch (PluginLoadException e) {
      printErrors(e.errors().stream().map(ErrorRow::of).toList());
      spec.commandLine()
          .getErr()
          .println("dt4j: " + e.errors().size() + " plugin error(s); --strict stops here");
      return ExitCode.ERROR;
    }
    try (host) {
      Report report =
          new Report(
              dir.toString(),
              host.extensions().stream().map(ExtensionRow::of).toList(),
              host.errors().stream().map(ErrorRow::of).toList());
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        ObjectMapper mapper =
            new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(report));
      } else {
        ExtensionTable.print(report.extensions(), out);
      }
      out.flush();
      printErrors(report.errors());
      return report.errors().isEmpty() ? ExitCode.OK : ExitCode.ERROR;
    }
  }

  private void printErrors(List<ErrorRow> errors) {
    PrintWriter err = spec.commandLine().getErr();
    errors.forEach(e -> err.println("dt4j: plugin error: " + e.file() + ": " + e.reason()));
    err.flush();
  }
}
