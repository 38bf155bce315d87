package io.dt4j.cli;

import io.dt4j.daemon.admin.BlockMessages;
import io.dt4j.daemon.admin.ChannelInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dt4j pull}: the daemon asks a peer for a DAG, and can write the file out after. */
@Command(
    name = "pull",
    mixinStandardHelpOptions = true,
    description = {
      "Pull a DAG from a peer into the daemon's block store, with a voucher of a type a plugin",
      "provides, and wait until the channel ends (progress on stderr on a terminal). With --out,",
      "write the file's bytes out afterwards. Needs a transport plugin (graphsync) on the daemon."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Completed",
      "1:error (no transport on the daemon, peer unreachable, daemon unreachable)",
      "2:bad argument (address, CID, selector or voucher JSON; unknown voucher type)",
      "5:the channel ended Failed or Cancelled",
      "124:--timeout passed"
    })
final class PullCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private DaemonOptions daemon;

  @Mixin private TransferArguments arguments;

  @Mixin private TransferOptions options;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FILE",
      description = "Write the pulled file's bytes here (a UnixFS file), once complete.")
  private Path out;

  @Override
  public Integer call() {
    var request = arguments.request();
    AdminClient client = AdminClient.of(daemon, Dt4j.of(spec).home());
    PrintWriter stdout = spec.commandLine().getOut();
    ChannelInfo channel =
        new TransferRun(client, spec.commandLine().getErr(), options.progress)
            .run("OpenPullDataChannel", request, options.detach, options.deadline());
    BlockMessages.ExportReport exported = null;
    if (out != null && !options.detach) {
      exported =
          client.post(
              "ClientExport",
              new BlockMessages.Export(channel.baseCid(), out.toAbsolutePath().toString()),
              BlockMessages.ExportReport.class);
    }
    options.print(stdout, channel);
    if (exported != null && !options.json) {
      stdout.println("exported " + exported.root() + " " + exported.bytes() + " bytes to " + out);
      stdout.flush();
    }
    return ExitCode.OK;
  }
}
