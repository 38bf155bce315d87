package io.dt4j.cli;

import io.dt4j.core.Dt4jVersion;
import io.dt4j.daemon.AdminTokenException;
import io.dt4j.daemon.DaemonRunningException;
import io.dt4j.daemon.Dt4jHome;
import io.dt4j.daemon.Dt4jNode;
import io.dt4j.daemon.Logging;
import io.dt4j.daemon.NodeConfig;
import io.dt4j.daemon.NodeStartException;
import io.dt4j.daemon.Setting;
import io.dt4j.daemon.Settings;
import io.dt4j.daemon.SettingsException;
import io.dt4j.daemon.admin.Daemon;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code dt4j daemon}: runs a node on the home and serves the admin API until stopped (SIGTERM or
 * Ctrl-C: a clean stop, exit 0). Prints who it is and where to reach it, then {@code daemon ready}.
 */
@Command(
    name = "daemon",
    mixinStandardHelpOptions = true,
    description = {
      "Run a dt4j node: identity, block store and channel store under the home, the plugins,",
      "libp2p listeners, and the admin API (HTTP/JSON on 127.0.0.1, bearer token in <home>/token,",
      "URL in <home>/admin.url). Settings: <home>/conf/dt4j.conf, then DT4J_* variables, then",
      "these flags. Stop it with SIGTERM or Ctrl-C (exit 0).",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:stopped cleanly",
      "1:could not start (another daemon on the home, a port in use, a broken store)",
      "2:bad flag or configuration value"
    })
final class DaemonCommand implements Callable<Integer> {

  @ParentCommand private Dt4j dt4j;

  @Spec private CommandSpec spec;

  @Option(
      names = "--listen",
      paramLabel = "MULTIADDR",
      description =
          "libp2p listen address; repeat for several (default: listen, /ip4/127.0.0.1/tcp/0).")
  private List<String> listen;

  @Option(
      names = "--plugins-dir",
      paramLabel = "DIR",
      description = "Plugins folder (default: plugins.dir, <home>/plugins).")
  private Path pluginsDir;

  @Option(
      names = "--admin-listen",
      paramLabel = "HOST:PORT",
      description = "Admin API address (default: admin.listen, 127.0.0.1:0 = any free port).")
  private String adminListen;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Configuration file (default: <home>/conf/dt4j.conf; missing = defaults).")
  private Path config;

  @Override
  public Integer call() throws InterruptedException {
    Dt4jHome home = dt4j.home();
    NodeConfig nodeConfig = configure(home);
    Daemon daemon = start(nodeConfig);
    CountDownLatch stopped = new CountDownLatch(1);
    PrintWriter out = spec.commandLine().getOut();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  daemon.close();
                  out.println("daemon stopped");
                  out.flush();
                  stopped.countDown();
                  // SIGTERM and Ctrl-C are how a daemon is stopped: a clean stop exits 0, not
                  // the JVM's 143 or 130. Nothing else shuts this JVM down while it waits below.
                  Runtime.getRuntime().halt(ExitCode.OK);
                },
                "dt4j-daemon-stop"));
    printReady(daemon, out);
    stopped.await();
    return ExitCode.OK;
  }

  private NodeConfig configure(Dt4jHome home) {
    Path file = config != null ? config : home.configFile();
    if (config != null && !Files.isRegularFile(config)) {
      throw new CliUsageException("configuration file not found: " + config);
    }
    Map<Setting, Settings.Value> flags = new EnumMap<>(Setting.class);
    if (listen != null && !listen.isEmpty()) {
      flags.put(Setting.LISTEN, new Settings.Value(String.join(",", listen), "--listen"));
    }
    if (pluginsDir != null) {
      flags.put(
          Setting.PLUGINS_DIR,
          new Settings.Value(pluginsDir.toAbsolutePath().toString(), "--plugins-dir"));
    }
    if (adminListen != null) {
      flags.put(Setting.ADMIN_LISTEN, new Settings.Value(adminListen, "--admin-listen"));
    }
    if (dt4j.logLevel() != null) {
      flags.put(Setting.LOG_LEVEL, new Settings.Value(dt4j.logLevel(), "--log-level"));
    }
    if (dt4j.logFormat() != null) {
      flags.put(Setting.LOG_FORMAT, new Settings.Value(dt4j.logFormat(), "--log-format"));
    }
    try {
      Settings settings = Settings.load(file, System.getenv(), flags);
      Logging.apply(
          settings.parse(
              Setting.LOG_LEVEL, Logging::parse, "a level such as info or error,dt-impl=debug"),
          settings.parse(Setting.LOG_FORMAT, Logging::format, "text or json"));
      return NodeConfig.of(home, settings);
    } catch (SettingsException e) {
      throw new CliUsageException(e.getMessage());
    }
  }

  private static Daemon start(NodeConfig config) {
    try {
      return Daemon.start(config);
    } catch (SettingsException e) {
      throw new CliUsageException(e.getMessage());
    } catch (DaemonRunningException | NodeStartException | AdminTokenException e) {
      throw new CliException(e.getMessage(), ExitCode.ERROR);
    }
  }

  private static void printReady(Daemon daemon, PrintWriter out) {
    Dt4jNode node = daemon.node();
    NodeConfig config = node.config();
    out.println("dt4j daemon " + Dt4jVersion.current().full());
    out.println("home:       " + config.home());
    out.println("peer id:    " + node.peerId());
    for (Multiaddr address : node.addresses()) {
      out.println("listen:     " + address);
    }
    out.println("admin API:  " + daemon.url() + " (token in " + config.home().tokenFile() + ")");
    out.println(
        "plugins:    "
            + node.plugins().extensions().size()
            + " extension(s) from "
            + config.pluginsDir());
    out.println("blocks:     " + config.home().blocksDir() + " (" + blockIo(node) + ")");
    out.println(
        "transport:  "
            + node.transport()
                .map(t -> t.name())
                .orElse(
                    "none: no plugin provides '"
                        + config.transport()
                        + "'; pulls and pushes fail until one is installed"));
    out.println("daemon ready");
    out.flush();
  }

  private static String blockIo(Dt4jNode node) {
    if (node.blockstore().directIo()) {
      return "direct I/O";
    }
    return node.config().storeDirectIo()
        ? "buffered I/O: the file system refuses direct I/O"
        : "buffered I/O";
  }
}
