package io.dt4j.cli;

import io.dt4j.daemon.admin.ChannelInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dt4j push}: the daemon sends a DAG from its block store to a peer. */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    description = {
      "Push a DAG from the daemon's block store to a peer, with a voucher of a type a plugin",
      "provides, and wait until the channel ends (progress on stderr on a terminal).",
      "Needs a transport plugin (graphsync) on the daemon."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:Completed",
      "1:error (no transport on the daemon, peer unreachable, daemon unreachable)",
      "2:bad argument (address, CID, selector or voucher JSON; unknown voucher type)",
      "5:the channel ended Failed or Cancelled",
      "124:--timeout passed"
    })
final class PushCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private DaemonOptions daemon;

  @Mixin private TransferArguments arguments;

  @Mixin private TransferOptions options;

  @Override
  public Integer call() {
    var request = arguments.request();
    AdminClient client = AdminClient.of(daemon, Dt4j.of(spec).home());
    ChannelInfo channel =
        new TransferRun(client, spec.commandLine().getErr(), options.progress)
            .run("OpenPushDataChannel", request, options.detach, options.deadline());
    options.print(spec.commandLine().getOut(), channel);
    return ExitCode.OK;
  }
}
