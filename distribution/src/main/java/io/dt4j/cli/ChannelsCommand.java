package io.dt4j.cli;

import io.dt4j.daemon.admin.ChannelInfo;
import io.dt4j.daemon.admin.ChannelMessages;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dt4j channels}: the daemon's channels, as lotus lists its data transfers. */
@Command(
    name = "channels",
    mixinStandardHelpOptions = true,
    description = {
      "List the daemon's data-transfer channels: 'Sending Channels' and 'Receiving Channels' with",
      "lotus's columns (ID, Status, peer, Root Cid, Initiated?, Transferred, Voucher), then",
      "Total, Progress, Rate and Updated. Completed, failed and cancelled channels are hidden",
      "unless asked for."
    },
    subcommands = WatchCommand.class)
final class ChannelsCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private DaemonOptions daemon;

  @Mixin private ChannelFilter filter;

  @Mixin private TableStyle style;

  @Option(
      names = "--json",
      description =
          "Print one JSON object, channels: [...], with every field (the filter applies).")
  private boolean json;

  @Override
  public Integer call() {
    AdminClient client = AdminClient.of(daemon, Dt4j.of(spec).home());
    List<ChannelInfo> all =
        client.get("ListDataTransfers", Map.of(), ChannelMessages.ChannelList.class).channels();
    List<ChannelInfo> shown = all.stream().filter(filter::shows).toList();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonOutput.print(out, new ChannelMessages.ChannelList(shown));
      return ExitCode.OK;
    }
    if (shown.isEmpty()) {
      out.println("no channels");
    }
    ChannelTable.render(shown, style.style()).forEach(out::println);
    filter.hiddenHint(all).ifPresent(hint -> out.println(hint));
    out.flush();
    return ExitCode.OK;
  }
}
