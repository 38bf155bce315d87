package io.dt4j.cli;

import io.dt4j.api.PeerId;
import io.dt4j.libp2p.host.Libp2pConnection;
import io.dt4j.libp2p.host.Libp2pHost;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code dt4j net ping}: connects to a peer and measures {@code /ipfs/ping/1.0.0} round trips. */
@Command(
    name = "ping",
    mixinStandardHelpOptions = true,
    description = "Ping a libp2p peer over /ipfs/ping/1.0.0 and print each round-trip time.")
final class NetPingCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Parameters(
      paramLabel = "MULTIADDR",
      description = "The peer, e.g. /ip4/127.0.0.1/tcp/4001/p2p/12D3KooW...")
  private String address;

  @Option(
      names = "--count",
      paramLabel = "N",
      defaultValue = "3",
      description = "Number of pings (default: ${DEFAULT-VALUE}).")
  private int count;

  @Option(
      names = "--muxer",
      paramLabel = "yamux|mplex",
      defaultValue = "yamux,mplex",
      description = "Stream muxers in order of preference (default: ${DEFAULT-VALUE}).")
  private String muxer;

  @Override
  public Integer call() {
    if (count < 1) {
      throw new CliUsageException("--count must be at least 1: " + count);
    }
    Multiaddr target = NetNode.multiaddr(address);
    PeerId peer = NetNode.peerOf(target);
    NetNode.Started node = NetNode.start(NetNode.identity(null), List.of(), NetNode.muxers(muxer));
    try (Libp2pHost host = node.host()) {
      Libp2pConnection connection =
          NetNode.await(host.connect(target), Duration.ofSeconds(30), "connect");
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          "connected to "
              + peer
              + " via "
              + connection.muxerId()
              + " (Noise cipher "
              + host.cipherSuite().providerName()
              + ")");
      double sum = 0;
      for (int i = 1; i <= count; i++) {
        Duration rtt = NetNode.await(node.ping().ping(peer), Duration.ofSeconds(15), "ping " + i);
        double ms = rtt.toNanos() / 1e6;
        sum += ms;
        out.printf("ping %d: rtt %.3f ms%n", i, ms);
        out.flush();
      }
      out.printf("%d pings, average rtt %.3f ms%n", count, sum / count);
      out.flush();
      return ExitCode.OK;
    }
  }
}
