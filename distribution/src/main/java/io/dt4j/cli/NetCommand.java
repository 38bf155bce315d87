package io.dt4j.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code dt4j net}: the libp2p network tools (listen, ping, bench). */
@Command(
    name = "net",
    mixinStandardHelpOptions = true,
    description = "libp2p network tools: run a test peer, ping a peer, measure throughput.",
    subcommands = {NetListenCommand.class, NetPingCommand.class, NetBenchCommand.class})
final class NetCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  /** {@code dt4j net} without a subcommand: the usage, as a usage error. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.USAGE;
  }
}
