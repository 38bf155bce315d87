package io.dt4j.libp2p.host;

import io.dt4j.libp2p.crypto.PrivKey;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import io.dt4j.libp2p.multistream.MultistreamSelect;
import io.dt4j.libp2p.mux.MuxerFactory;
import io.dt4j.libp2p.mux.mplex.MplexMuxerFactory;
import io.dt4j.libp2p.mux.yamux.YamuxMuxerFactory;
import io.dt4j.libp2p.noise.NoiseCipherSuite;
import io.dt4j.libp2p.transport.UpgraderConfig;
import java.time.Duration;
import java.util.List;

/**
 * Settings of a {@link Libp2pHost}.
 *
 * @param identity this node's identity key
 * @param listenAddresses where to listen, e.g. {@code /ip4/127.0.0.1/tcp/0}; empty for a dial-only
 *     node
 * @param muxers stream muxers, most preferred first (default: yamux, then mplex)
 * @param cipherSuite the Noise ChaCha20-Poly1305 implementation
 * @param upgrade bounds of the connection upgrade (security and muxer negotiation)
 * @param connectTimeout bound of the TCP connect
 * @param streamNegotiationTimeout bound of each stream's protocol negotiation (go: 10 s)
 * @param ioThreads event loop threads, 0 for Netty's default
 * @param announceAddresses what identify tells peers to dial instead of the bound listen addresses
 *     (go-libp2p's {@code Addresses.Announce}), e.g. a proxy or NAT's public address; empty to
 *     announce the listen addresses
 */
public record HostConfig(
    PrivKey identity,
    List<Multiaddr> listenAddresses,
    List<MuxerFactory> muxers,
    NoiseCipherSuite cipherSuite,
    UpgraderConfig upgrade,
    Duration connectTimeout,
    Duration streamNegotiationTimeout,
    int ioThreads,
    List<Multiaddr> announceAddresses) {

  /** Copies the lists and checks the settings. */
  public HostConfig {
    listenAddresses = List.copyOf(listenAddresses);
    announceAddresses = List.copyOf(announceAddresses);
    muxers = List.copyOf(muxers);
    if (muxers.isEmpty()) {
      throw new IllegalArgumentException("a host needs at least one muxer");
    }
    if (streamNegotiationTimeout.isNegative() || streamNegotiationTimeout.isZero()) {
      throw new IllegalArgumentException(
          "streamNegotiationTimeout must be positive: " + streamNegotiationTimeout);
    }
    if (ioThreads < 0) {
      throw new IllegalArgumentException("ioThreads must be >= 0: " + ioThreads);
    }
  }

  /**
   * Returns the defaults for an identity: no listen address, yamux then mplex, the preferred Noise
   * cipher, go-libp2p's timeouts (10 s per negotiation, 15 s per upgrade), 10 s TCP connect.
   *
   * @param identity the identity key
   * @return the configuration
   */
  public static HostConfig defaults(PrivKey identity) {
    return new HostConfig(
        identity,
        List.of(),
        List.of(new YamuxMuxerFactory(), new MplexMuxerFactory()),
        NoiseCipherSuite.preferred(),
        UpgraderConfig.DEFAULT,
        Duration.ofSeconds(10),
        MultistreamSelect.DEFAULT_TIMEOUT,
        0,
        List.of());
  }

  /** Returns a copy listening on the given addresses. */
  public HostConfig withListenAddresses(List<Multiaddr> addresses) {
    return new HostConfig(
        identity,
        addresses,
        muxers,
        cipherSuite,
        upgrade,
        connectTimeout,
        streamNegotiationTimeout,
        ioThreads,
        announceAddresses);
  }

  /** Returns a copy with other muxers, most preferred first. */
  public HostConfig withMuxers(List<MuxerFactory> list) {
    return new HostConfig(
        identity,
        listenAddresses,
        list,
        cipherSuite,
        upgrade,
        connectTimeout,
        streamNegotiationTimeout,
        ioThreads,
        announceAddresses);
  }

  /** Returns a copy with another Noise cipher implementation. */
  public HostConfig withCipherSuite(NoiseCipherSuite suite) {
    return new HostConfig(
        identity,
        listenAddresses,
        muxers,
        suite,
        upgrade,
        connectTimeout,
        streamNegotiationTimeout,
        ioThreads,
        announceAddresses);
  }

  /** Returns a copy with another stream negotiation timeout. */
  public HostConfig withStreamNegotiationTimeout(Duration timeout) {
    return new HostConfig(
        identity,
        listenAddresses,
        muxers,
        cipherSuite,
        upgrade,
        connectTimeout,
        timeout,
        ioThreads,
        announceAddresses);
  }

  /** Returns a copy that announces {@code addresses} through identify; empty for the bound ones. */
  public HostConfig withAnnounceAddresses(List<Multiaddr> addresses) {
    return new HostConfig(
        identity,
        listenAddresses,
        muxers,
        cipherSuite,
        upgrade,
        connectTimeout,
        streamNegotiationTimeout,
        ioThreads,
        addresses);
  }
}
