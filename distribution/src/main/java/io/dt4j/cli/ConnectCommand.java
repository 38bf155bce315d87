package io.dt4j.cli;

import io.dt4j.daemon.admin.NodeMessages;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dt4j connect MULTIADDR}: the daemon dials a peer. */
@Command(
    name = "connect",
    mixinStandardHelpOptions = true,
    description = {
      "Connect the daemon to a peer. Prints 'connect <peer id> success' (as 'ipfs swarm connect')."
    })
final class ConnectCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private DaemonOptions daemon;

  @Parameters(
      paramLabel = "MULTIADDR",
      description =
          "The peer's address, ending in /p2p/<peer id>, e.g. /ip4/127.0.0.1/tcp/4001/p2p/12D3Koo...")
  private String address;

  @Option(names = "--json", description = "Print one JSON object: peer_id, address.")
  private boolean json;

  @Override
  public Integer call() {
    NetNode.peerOf(NetNode.multiaddr(address));
    AdminClient client = AdminClient.of(daemon, Dt4j.of(spec).home());
    NodeMessages.Connected connected =
        client.post("NetConnect", new NodeMessages.Connect(address), NodeMessages.Connected.class);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonOutput.print(out, connected);
    } else {
      out.println("connect " + connected.peerId() + " success");
    }
    out.flush();
    return ExitCode.OK;
  }
}
