package io.dt4j.cli;

import io.dt4j.libp2p.host.Libp2pHost;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dt4j net listen}: a libp2p peer serving identify, ping, echo and bench sink/source, like
 * the js interop peer. The first stdout line is the full listen multiaddr with {@code /p2p}.
 */
@Command(
    name = "listen",
    mixinStandardHelpOptions = true,
    description = {
      "Run a libp2p peer serving /ipfs/id/1.0.0, /ipfs/ping/1.0.0, /echo/1.0.0,",
      "/bench/sink/1.0.0 and /bench/source/1.0.0 until killed.",
      "Prints each listen multiaddr with /p2p/<peer id> on stdout, the first one first."
    })
final class NetListenCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--listen",
      paramLabel = "MULTIADDR",
      defaultValue = "/ip4/127.0.0.1/tcp/0",
      description = "Address to listen on (default: ${DEFAULT-VALUE}, any free port).")
  private List<String> listen;

  @Option(
      names = "--key",
      paramLabel = "FILE",
      description = "Identity key file; created if missing. Default: a new key for this run.")
  private Path key;

  @Option(
      names = "--muxer",
      paramLabel = "yamux|mplex",
      defaultValue = "yamux,mplex",
      description = "Stream muxers in order of preference (default: ${DEFAULT-VALUE}).")
  private String muxer;

  @Override
  public Integer call() throws InterruptedException {
    List<Multiaddr> addresses = listen.stream().map(NetNode::multiaddr).toList();
    NetNode.Started node = NetNode.start(NetNode.identity(key), addresses, NetNode.muxers(muxer));
    Libp2pHost host = node.host();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  host.close();
                  stopped.countDown();
                },
                "dt4j-net-shutdown"));
    List<Multiaddr> bound;
    try {
      bound = NetNode.await(host.listen(), Duration.ofSeconds(10), "listen");
    } catch (CliException e) {
      host.close();
      throw e;
    }
    PrintWriter out = spec.commandLine().getOut();
    bound.forEach(out::println);
    out.flush();
    PrintWriter err = spec.commandLine().getErr();
    err.println(
        "dt4j: peer "
            + host.peerId()
            + " listening (muxers "
            + muxer
            + ", Noise cipher "
            + host.cipherSuite().providerName()
            + ", "
            + host.ioName()
            + "); stop with Ctrl-C");
    err.flush();
    stopped.await();
    return ExitCode.OK;
  }
}
