package io.dt4j.cli;

import io.dt4j.daemon.InvalidInputException;
import io.dt4j.daemon.NoTransportException;
import io.dt4j.daemon.NodeStartException;
import io.dt4j.daemon.Setting;
import io.dt4j.daemon.Settings;
import io.dt4j.daemon.SettingsException;
import io.dt4j.demo.DataSize;
import io.dt4j.demo.Demo;
import io.dt4j.demo.DemoFailedException;
import io.dt4j.demo.DemoOptions;
import io.dt4j.demo.DemoReport;
import io.dt4j.demo.InvalidSizeException;
import io.dt4j.demo.WorkDirNotEmptyException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dt4j demo}: two nodes in this process move a generated file from one to the other over the
 * transport plugin, with an example voucher, and check every byte. Needs no set-up: the nodes live
 * in a temporary folder, deleted at the end unless {@code --keep}.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Start two dt4j nodes in this process on 127.0.0.1, write a pseudo-random file (the same bytes",
      "every run), import it on node A, pull it to node B (or push it from A with --push) over the",
      "graphsync plugin with a dt4j/ExampleVoucher, export it on B and compare its SHA-256 with the",
      "source's. Prints the root CID, sizes, time, MB/s and both channels' final state. Plugins",
      "come from <home>/plugins (bin/dt4j: the installation's). Everything is streamed: memory",
      "does not grow with --size."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:verified: node B has the source's bytes",
      "1:error (no transport plugin, the bytes differ, a node could not start)",
      "2:bad argument (--size, --keep folder not empty, --plugins-dir missing)",
      "5:a channel ended Failed or Cancelled",
      "124:the transfer made no progress for a minute"
    })
final class DemoCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Option(
      names = "--size",
      paramLabel = "SIZE",
      defaultValue = "256MiB",
      description = "Size of the file, e.g. 10MB, 256MiB, 1GiB (default: ${DEFAULT-VALUE}).")
  private String size;

  @Option(names = "--push", description = "Node A pushes to node B (default: node B pulls).")
  private boolean push;

  @Option(
      names = "--keep",
      paramLabel = "DIR",
      description =
          "Work in DIR (new or empty) and keep it: the nodes' homes a/ and b/, source.bin and"
              + " received.bin. Default: a temporary folder, deleted at the end.")
  private Path keep;

  @Option(
      names = "--plugins-dir",
      paramLabel = "DIR",
      description = "The plugins both nodes load (default: <home>/plugins).")
  private Path pluginsDir;

  @Option(names = "--json", description = "Print the summary as one JSON object.")
  private boolean json;

  @Option(
      names = {"-q", "--quiet"},
      description = "No steps and no progress on stderr; only the summary.")
  private boolean quiet;

  @Override
  public Integer call() throws IOException {
    DemoOptions options =
        new DemoOptions(
            size(), push, Optional.ofNullable(keep), plugins(), DemoOptions.DEFAULT_SEED);
    PrintWriter err = spec.commandLine().getErr();
    DemoConsole console =
        new DemoConsole(err, quiet, ProgressBar.shown(null), transferLine(options));
    DemoReport report = run(options, console);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonOutput.print(out, report);
    } else {
      summary(report).forEach(out::println);
      out.flush();
    }
    return ExitCode.OK;
  }

  private long size() {
    try {
      return DataSize.parse(size);
    } catch (InvalidSizeException e) {
      throw new CliUsageException("--size: " + e.getMessage());
    }
  }

  /**
   * The plugins folder: {@code --plugins-dir} (it must exist), else {@code <home>/plugins}; a
   * missing default folder has no transport plugin in it, and is reported as such.
   */
  private Path plugins() {
    if (pluginsDir != null) {
      if (!Files.isDirectory(pluginsDir)) {
        throw new CliUsageException("plugins directory not found: " + pluginsDir);
      }
      return pluginsDir.toAbsolutePath().normalize();
    }
    Path dir = Dt4j.of(spec).home().pluginsDir();
    if (!Files.isDirectory(dir)) {
      throw new CliException(
          new NoTransportException(Settings.defaults().get(Setting.TRANSPORT), dir).getMessage(),
          ExitCode.ERROR);
    }
    return dir;
  }

  private static String transferLine(DemoOptions options) {
    String how =
        " over " + Settings.defaults().get(Setting.TRANSPORT) + ", with a dt4j/ExampleVoucher";
    return (options.push() ? "node A pushes the DAG to node B" : "node B pulls the DAG from node A")
        + how;
  }

  private static DemoReport run(DemoOptions options, DemoConsole console) throws IOException {
    try {
      return Demo.run(options, console);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException("interrupted", ExitCode.ERROR);
    } catch (DemoFailedException e) {
      throw new CliException(e.getMessage(), exitCode(e.reason()));
    } catch (WorkDirNotEmptyException | SettingsException e) {
      throw new CliUsageException(e.getMessage());
    } catch (NoTransportException | NodeStartException e) {
      throw new CliException(e.getMessage(), ExitCode.ERROR);
    } catch (InvalidInputException e) {
      throw new CliException(
          e.getMessage() + " (the demo needs the example-voucher plugin)", ExitCode.ERROR);
    }
  }

  private static int exitCode(DemoFailedException.Reason reason) {
    return switch (reason) {
      case TRANSFER_FAILED -> ExitCode.TRANSFER_FAILED;
      case STALLED -> ExitCode.TIMEOUT;
      case OPEN_FAILED, MISMATCH -> ExitCode.ERROR;
    };
  }

  /** The summary on stdout; its last line says the bytes were verified. */
  static List<String> summary(DemoReport r) {
    List<String> lines = new ArrayList<>();
    lines.add(
        "dt4j demo: "
            + r.direction()
            + " of "
            + ProgressBar.bytes(r.size())
            + " over "
            + r.transport()
            + ", node A -> node B");
    lines.add("root:       " + r.root());
    lines.add(
        String.format(
            Locale.ROOT,
            "size:       %d bytes (%s), %d blocks, %d DAG bytes",
            r.size(),
            ProgressBar.bytes(r.size()),
            r.blocks(),
            r.dagBytes()));
    lines.add("channel:    " + r.channel());
    lines.add(
        "vouchers:   "
            + r.vouchers()
            + " from node "
            + ("push".equals(r.direction()) ? "A" : "B")
            + ", the initiator: the request's, then one per payment the responder asked for");
    lines.add(side("node A:     ", r.sender(), "sender"));
    lines.add(side("node B:     ", r.receiver(), "receiver"));
    lines.add(
        String.format(
            Locale.ROOT,
            "transfer:   %.2f s, %.1f MB/s",
            r.transferSeconds(),
            r.megabytesPerSecond()));
    lines.add(String.format(Locale.ROOT, "elapsed:    %.2f s", r.elapsedSeconds()));
    lines.add("sha256:     " + r.sha256());
    if (r.workDir() != null) {
      lines.add("kept:       " + r.workDir());
    }
    lines.add("verified:   node B's file has the source's " + r.size() + " bytes");
    return lines;
  }

  private static String side(String label, DemoReport.Side side, String role) {
    return String.format(
        Locale.ROOT,
        "%s%s, Sent %d, Received %d (%s %s)",
        label,
        side.status(),
        side.sent(),
        side.received(),
        role,
        side.peer());
  }
}
