package io.dt4j.cli;

import io.dt4j.daemon.PeerConnection;
import io.dt4j.daemon.admin.NodeMessages;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dt4j peers}: the peers the daemon is connected to, as {@code ipfs swarm peers} lists them.
 */
@Command(
    name = "peers",
    mixinStandardHelpOptions = true,
    description = {
      "List the peers the daemon is connected to: one '<address>/p2p/<peer id>' per line,",
      "as 'ipfs swarm peers' prints them (dialable again with 'dt4j connect')."
    })
final class PeersCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private DaemonOptions daemon;

  @Option(
      names = {"-v", "--verbose"},
      description = "Also print the direction, the muxer and the peer's agent.")
  private boolean verbose;

  @Option(
      names = "--json",
      description =
          "Print one JSON object: peers: [{peer_id, address, direction, muxer, agent_version}].")
  private boolean json;

  @Override
  public Integer call() {
    AdminClient client = AdminClient.of(daemon, Dt4j.of(spec).home());
    NodeMessages.PeerList peers = client.get("NetPeers", Map.of(), NodeMessages.PeerList.class);
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      JsonOutput.print(out, peers);
    } else {
      for (PeerConnection peer : peers.peers()) {
        String line = peer.address() + "/p2p/" + peer.peerId();
        if (verbose) {
          line +=
              "  "
                  + peer.direction()
                  + "  "
                  + peer.muxer()
                  + "  "
                  + (peer.agentVersion() == null ? "-" : peer.agentVersion());
        }
        out.println(line);
      }
    }
    out.flush();
    return ExitCode.OK;
  }
}
