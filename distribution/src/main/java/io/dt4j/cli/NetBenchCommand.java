package io.dt4j.cli;

import io.dt4j.api.PeerId;
import io.dt4j.libp2p.host.Libp2pConnection;
import io.dt4j.libp2p.host.Libp2pHost;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import io.dt4j.libp2p.protocols.Bench;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code dt4j net bench}: measures one stream's throughput to a peer through {@code
 * /bench/source/1.0.0} (receive) or {@code /bench/sink/1.0.0} (send).
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measure the throughput of one stream to a peer that serves the bench protocols",
      "(dt4j net listen, or the js interop peer). MB = 10^6 bytes."
    })
final class NetBenchCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Parameters(
      paramLabel = "MULTIADDR",
      description = "The peer, e.g. /ip4/127.0.0.1/tcp/4001/p2p/12D3KooW...")
  private String address;

  @Option(
      names = "--bytes",
      paramLabel = "N",
      required = true,
      description = "How many bytes to transfer.")
  private long bytes;

  @Option(
      names = "--direction",
      paramLabel = "send|receive",
      defaultValue = "receive",
      description =
          "receive: download from /bench/source/1.0.0; send: upload to /bench/sink/1.0.0"
              + " (default: ${DEFAULT-VALUE}).")
  private String direction;

  @Option(
      names = "--muxer",
      paramLabel = "yamux|mplex",
      defaultValue = "yamux",
      description = "Stream muxer (default: ${DEFAULT-VALUE}).")
  private String muxer;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "600",
      description = "Give up after this many seconds (default: ${DEFAULT-VALUE}).")
  private long timeoutSeconds;

  @Override
  public Integer call() {
    if (bytes < 0) {
      throw new CliUsageException("--bytes must not be negative: " + bytes);
    }
    boolean send =
        switch (direction) {
          case "send" -> true;
          case "receive" -> false;
          default ->
              throw new CliUsageException(
                  "unknown --direction '" + direction + "': use send or receive");
        };
    Multiaddr target = NetNode.multiaddr(address);
    PeerId peer = NetNode.peerOf(target);
    NetNode.Started node = NetNode.start(NetNode.identity(null), List.of(), NetNode.muxers(muxer));
    try (Libp2pHost host = node.host()) {
      Libp2pConnection connection =
          NetNode.await(host.connect(target), Duration.ofSeconds(30), "connect");
      long start = System.nanoTime();
      long counted =
          NetNode.await(
              send ? Bench.send(host, peer, bytes) : Bench.receive(host, peer, bytes),
              Duration.ofSeconds(timeoutSeconds),
              send ? "bench send" : "bench receive");
      double seconds = (System.nanoTime() - start) / 1e9;
      if (counted != bytes) {
        throw new CliException(
            (send ? "the sink counted " : "the source sent ")
                + counted
                + " bytes, expected "
                + bytes,
            ExitCode.ERROR);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.printf(
          "%s %d bytes in %.3f s = %.1f MB/s (%s, Noise cipher %s, %s, Java %s)%n",
          send ? "sent" : "received",
          bytes,
          seconds,
          bytes / seconds / 1e6,
          connection.muxerId(),
          host.cipherSuite().providerName(),
          host.ioName(),
          Runtime.version().feature());
      out.flush();
      return ExitCode.OK;
    }
  }
}
