package io.dt4j.libp2p.host;

import io.dt4j.libp2p.crypto.Ed25519PrivKey;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import io.dt4j.libp2p.mux.MuxerFactory;
import io.dt4j.libp2p.mux.mplex.MplexMuxerFactory;
import io.dt4j.libp2p.mux.yamux.YamuxMuxerFactory;
import io.dt4j.libp2p.noise.NoiseCipherSuite;
import io.dt4j.libp2p.protocols.Bench;
import io.dt4j.libp2p.protocols.Echo;
import io.dt4j.libp2p.protocols.Identify;
import io.dt4j.libp2p.protocols.Ping;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/** Loopback dt4j hosts with every protocol served; closes them all. */
public final class TestHosts implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A started host and its services. */
  public record Node(Libp2pHost host, Multiaddr address, Identify identify, Ping ping) {}

  private final List<Libp2pHost> hosts = new ArrayList<>();

  /** Returns a muxer factory by name. */
  public static MuxerFactory muxer(String name) {
    return switch (name) {
      case "yamux" -> new YamuxMuxerFactory();
      case "mplex" -> new MplexMuxerFactory();
      default -> throw new IllegalArgumentException(name);
    };
  }

  /** Starts a host on 127.0.0.1 with one muxer, serving identify, ping, echo and bench. */
  public Node start(String muxer) throws Exception {
    return start(muxer, NoiseCipherSuite.preferred());
  }

  /** Like {@link #start(String)}, with a given Noise cipher implementation. */
  public Node start(String muxer, NoiseCipherSuite suite) throws Exception {
    return start(muxer, config -> config.withCipherSuite(suite));
  }

  /** Like {@link #start(String)}, with the configuration adjusted before the host is built. */
  public Node start(String muxer, UnaryOperator<HostConfig> adjust) throws Exception {
    HostConfig config =
        adjust.apply(
            HostConfig.defaults(Ed25519PrivKey.generate(RANDOM))
                .withListenAddresses(List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")))
                .withMuxers(List.of(muxer(muxer))));
    Libp2pHost host = new Libp2pHost(config);
    hosts.add(host);
    Identify identify = Identify.install(host, Identify.defaultAgentVersion());
    Ping ping = Ping.install(host);
    Echo.install(host);
    Bench.install(host);
    List<Multiaddr> addrs = host.listen().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return new Node(host, addrs.get(0), identify, ping);
  }

  @Override
  public void close() {
    hosts.forEach(Libp2pHost::close);
  }
}
