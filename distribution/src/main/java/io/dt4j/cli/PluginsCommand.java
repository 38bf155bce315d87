package io.dt4j.cli;

import io.dt4j.core.plugins.PluginHost;
import io.dt4j.core.plugins.PluginHostOptions;
import io.dt4j.core.plugins.PluginLoadException;
import io.dt4j.daemon.admin.PluginsReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
      "List the extensions found in the plugins folder and on the class path: the running",
      "daemon's when one runs on the home (or --api names one), else by scanning the folder.",
      "Exits 1 if any plugin could not be loaded (each problem is printed on stderr)."
    })
final class PluginsCommand implements Callable<Integer> {

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

  @Option(names = "--offline", description = "Scan the plugins folder here even if a daemon runs.")
  private boolean offline;

  @Mixin private DaemonOptions daemon;

  @Override
  public Integer call() throws IOException {
    if (pluginsDir == null && !offline && AdminClient.daemonWanted(daemon, dt4j.home())) {
      return print(
          AdminClient.of(daemon, dt4j.home()).get("Plugins", Map.of(), PluginsReport.class));
    }
    Path dir = pluginsDir != null ? pluginsDir : dt4j.home().pluginsDir();
    if (!Files.isDirectory(dir)) {
      throw new CliUsageException("plugins directory not found: " + dir);
    }
    PluginHost host;
    try {
      host = PluginHost.start(PluginHostOptions.of(dir, strict));
    } catch (PluginLoadException e) {
      printErrors(e.errors().stream().map(PluginsReport.ErrorRow::of).toList());
      spec.commandLine()
          .getErr()
          .println("dt4j: " + e.errors().size() + " plugin error(s); --strict stops here");
      return ExitCode.ERROR;
    }
    try (host) {
      return print(PluginsReport.of(dir, host));
    }
  }

  private int print(PluginsReport report) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonOutput.print(out, report);
    } else {
      ExtensionTable.print(report.extensions(), out);
    }
    out.flush();
    printErrors(report.errors());
    return report.errors().isEmpty() ? ExitCode.OK : ExitCode.ERROR;
  }

  private void printErrors(List<PluginsReport.ErrorRow> errors) {
    PrintWriter err = spec.commandLine().getErr();
    errors.forEach(e -> err.println("dt4j: plugin error: " + e.file() + ": " + e.reason()));
    err.flush();
  }
}
