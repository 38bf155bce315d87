package io.dt4j.benchmarks.libp2p;

import io.dt4j.api.PeerId;
import io.dt4j.libp2p.crypto.Ed25519PrivKey;
import io.dt4j.libp2p.host.HostConfig;
import io.dt4j.libp2p.host.Libp2pConnection;
import io.dt4j.libp2p.host.Libp2pHost;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import io.dt4j.libp2p.mux.MuxerFactory;
import io.dt4j.libp2p.mux.mplex.MplexMuxerFactory;
import io.dt4j.libp2p.mux.yamux.YamuxMuxerFactory;
import io.dt4j.libp2p.protocols.Bench;
import io.dt4j.libp2p.protocols.Identify;
import io.dt4j.libp2p.protocols.Ping;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One dt4j process of the throughput run: a libp2p host with one muxer, serving identify, ping and
 * the bench protocols, like the js interop peer. Driven over stdin/stdout by {@link ThroughputRun}:
 *
 * <pre>
 *   BenchPeer listen yamux|mplex          stdout: the listen multiaddr with /p2p; runs until stdin ends
 *   BenchPeer dial MULTIADDR yamux|mplex  stdout: "READY description" once connected, then for each
 *                                         stdin line "receive N" | "send N": "DONE bytes nanos" or
 *                                         "ERROR text"; exits when stdin ends
 * </pre>
 *
 * {@code receive} downloads N bytes from the peer's {@code /bench/source/1.0.0}, {@code send}
 * uploads N bytes to its {@code /bench/sink/1.0.0}; each is one new stream on the one connection,
 * timed from opening the stream to the last byte (source) or the sink's count (sink).
 */
public final class BenchPeer {
  private static final long TRANSFER_TIMEOUT_SECONDS = 600;

  private BenchPeer() {}

  /**
   * Runs a listener or a dialer, see the class comment.
   *
   * @param args {@code listen MUXER} or {@code dial MULTIADDR MUXER}
   */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    if (args.length == 2 && args[0].equals("listen")) {
      listen(muxer(args[1]), in, out);
    } else if (args.length == 3 && args[0].equals("dial")) {
      dial(Multiaddr.parse(args[1]), muxer(args[2]), in, out);
    } else {
      System.err.println("usage: BenchPeer listen yamux|mplex | dial MULTIADDR yamux|mplex");
      System.exit(2);
    }
    System.exit(0); // the host's event loop threads are not daemons
  }

  private static MuxerFactory muxer(String name) {
    return switch (name) {
      case "yamux" -> new YamuxMuxerFactory();
      case "mplex" -> new MplexMuxerFactory();
      default -> throw new IllegalArgumentException("unknown muxer " + name);
    };
  }

  private static Libp2pHost host(MuxerFactory muxer, List<Multiaddr> listen) {
    Libp2pHost host =
        new Libp2pHost(
            HostConfig.defaults(Ed25519PrivKey.generate(new SecureRandom()))
                .withListenAddresses(listen)
                .withMuxers(List.of(muxer)));
    Identify.install(host, Identify.defaultAgentVersion());
    Ping.install(host);
    Bench.install(host);
    return host;
  }

  private static void listen(MuxerFactory muxer, BufferedReader in, PrintStream out)
      throws Exception {
    try (Libp2pHost host = host(muxer, List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")))) {
      List<Multiaddr> bound = await(host.listen(), 10);
      out.println(bound.get(0));
      System.err.println("dt4j bench listener: " + describe(host, muxer.protocolId()));
      while (in.readLine() != null) {
        // nothing to do: the runner ends a listener by closing its stdin
      }
    }
  }

  private static void dial(Multiaddr target, MuxerFactory muxer, BufferedReader in, PrintStream out)
      throws Exception {
    PeerId peer = target.peerId().orElseThrow(() -> new IllegalArgumentException("no /p2p"));
    try (Libp2pHost host = host(muxer, List.of())) {
      Libp2pConnection connection = await(host.connect(target), 30);
      out.println("READY " + describe(host, connection.muxerId()));
      for (String line; (line = in.readLine()) != null; ) {
        out.println(transfer(host, peer, line.trim()));
      }
    }
  }

  private static String transfer(Libp2pHost host, PeerId peer, String command) {
    String[] words = command.split(" ");
    if (words.length != 2 || !(words[0].equals("receive") || words[0].equals("send"))) {
      return "ERROR unknown command '" + command + "'";
    }
    try {
      long bytes = Long.parseLong(words[1]);
      long start = System.nanoTime();
      long counted =
          await(
              words[0].equals("receive")
                  ? Bench.receive(host, peer, bytes)
                  : Bench.send(host, peer, bytes),
              TRANSFER_TIMEOUT_SECONDS);
      long nanos = System.nanoTime() - start;
      return counted == bytes
          ? "DONE " + bytes + " " + nanos
          : "ERROR " + command + ": counted " + counted + " bytes";
    } catch (Exception e) {
      return "ERROR " + command + ": " + e;
    }
  }

  private static String describe(Libp2pHost host, String muxerId) {
    return "dt4j Java "
        + Runtime.version().feature()
        + ", Noise cipher "
        + host.cipherSuite().providerName()
        + ", "
        + host.ioName()
        + ", "
        + muxerId;
  }

  private static <T> T await(CompletionStage<T> stage, long seconds)
      throws InterruptedException, ExecutionException, TimeoutException, IOException {
    return stage.toCompletableFuture().get(seconds, TimeUnit.SECONDS);
  }
}
