package io.dt4j.libp2p.transport;

import io.dt4j.api.PeerId;
import io.dt4j.libp2p.crypto.PrivKey;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import io.dt4j.libp2p.multistream.MultistreamSelect;
import io.dt4j.libp2p.mux.MuxerFactory;
import io.dt4j.libp2p.noise.NoiseCipherSuite;
import io.dt4j.libp2p.noise.NoiseSecurity;
import io.dt4j.libp2p.noise.NoiseSession;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * Turns a fresh TCP channel into a {@link SecuredConnection} (libp2p.md §0):
 *
 * <pre>
 *   multistream(/noise) → Noise XX → multistream(muxer: configured list, in order) → muxer
 * </pre>
 *
 * The dialer proposes, the listener answers; the dialer is the Noise initiator and the muxer
 * client. Each stage installs the next before any byte that follows it is read, so read-ahead bytes
 * are never lost (§3.4). No {@code stream_muxers} early data is offered (§4.7).
 *
 * <p>A failure at any stage closes this connection only, is logged with its reason, and fails the
 * future with an {@link UpgradeException}. Thread-safe; the work runs on the channel's event loop.
 */
public final class Upgrader {
  private final NoiseSecurity noise;
  private final List<MuxerFactory> muxers;
  private final List<String> muxerIds;
  private final UpgraderConfig config;

  /**
   * Creates an upgrader.
   *
   * @param identity this node's identity key
   * @param muxers the muxers, most preferred first (e.g. yamux, then mplex)
   * @param config the timeouts
   * @param suite the ChaCha20-Poly1305 implementation, usually {@link NoiseCipherSuite#preferred()}
   * @param random randomness for Noise keys
   */
  public Upgrader(
      PrivKey identity,
      List<MuxerFactory> muxers,
      UpgraderConfig config,
      NoiseCipherSuite suite,
      SecureRandom random) {
    if (muxers.isEmpty()) {
      throw new IllegalArgumentException("at least one muxer is needed");
    }
    this.noise = new NoiseSecurity(identity, suite, random);
    this.muxers = List.copyOf(muxers);
    this.muxerIds = this.muxers.stream().map(MuxerFactory::protocolId).toList();
    this.config = config;
  }

  /** Returns the Noise cipher implementation in use (for logs and the CLI). */
  public NoiseCipherSuite cipherSuite() {
    return noise.suite();
  }

  /** Returns the muxer protocol ids, in order of preference. */
  public List<String> muxerIds() {
    return muxerIds;
  }

  /**
   * Upgrades a connection this node dialed. Call on the channel's event loop right after the TCP
   * connect succeeded, before anything was read: connect with {@code AUTO_READ} off and switch it
   * on after this call, as {@link TcpTransport#dial} does, or the remote's first bytes can reach
   * the pipeline before the upgrade's handlers.
   *
   * @param channel the connected channel with an empty pipeline
   * @param expectedPeer the dialed peer (the multiaddr's {@code /p2p}), if known
   * @param acceptors gives the connection its acceptor for inbound streams
   * @return completes with the connection, or fails with {@link UpgradeException}
   */
  public Future<SecuredConnection> upgradeOutbound(
      Channel channel, Optional<PeerId> expectedPeer, StreamAcceptorFactory acceptors) {
    return start(channel, true, expectedPeer, acceptors);
  }

  /**
   * Upgrades a connection this node accepted. Call from the child channel's initializer.
   *
   * @param channel the accepted channel with an empty pipeline
   * @param acceptors gives the connection its acceptor for inbound streams
   * @return completes with the connection, or fails with {@link UpgradeException}
   */
  public Future<SecuredConnection> upgradeInbound(
      Channel channel, StreamAcceptorFactory acceptors) {
    return start(channel, false, Optional.empty(), acceptors);
  }

  private Future<SecuredConnection> start(
      Channel channel,
      boolean initiator,
      Optional<PeerId> expectedPeer,
      StreamAcceptorFactory acceptors) {
    Promise<SecuredConnection> result = channel.eventLoop().newPromise();
    ConnectionUpgrade upgrade = new ConnectionUpgrade(channel, initiator, config, result);
    if (channel.eventLoop().inEventLoop()) {
      run(upgrade, expectedPeer, acceptors);
    } else {
      channel.eventLoop().execute(() -> run(upgrade, expectedPeer, acceptors));
    }
    return result;
  }

  private void run(
      ConnectionUpgrade upgrade, Optional<PeerId> expectedPeer, StreamAcceptorFactory acceptors) {
    upgrade.begin();
    List<String> security = List.of(NoiseSecurity.PROTOCOL_ID);
    ChannelPipeline pipeline = upgrade.channel().pipeline();
    Future<String> negotiated =
        upgrade.initiator()
            ? MultistreamSelect.dial(
                pipeline,
                security,
                config.negotiationTimeout(),
                (p, id) -> secure(upgrade, p, expectedPeer, acceptors))
            : MultistreamSelect.listen(
                pipeline,
                security,
                config.negotiationTimeout(),
                (p, id) -> secure(upgrade, p, expectedPeer, acceptors));
    upgrade.failOn(negotiated, UpgradeException.Stage.SECURITY_NEGOTIATION);
  }

  private void secure(
      ConnectionUpgrade upgrade,
      ChannelPipeline pipeline,
      Optional<PeerId> expectedPeer,
      StreamAcceptorFactory acceptors) {
    Future<NoiseSession> secured =
        noise.secure(
            pipeline,
            upgrade.initiator(),
            expectedPeer,
            (p, session) -> negotiateMuxer(upgrade, p, session, acceptors));
    upgrade.failOn(secured, UpgradeException.Stage.NOISE_HANDSHAKE);
  }

  private void negotiateMuxer(
      ConnectionUpgrade upgrade,
      ChannelPipeline pipeline,
      NoiseSession session,
      StreamAcceptorFactory acceptors) {
    Future<String> negotiated =
        upgrade.initiator()
            ? MultistreamSelect.dial(
                pipeline,
                muxerIds,
                config.negotiationTimeout(),
                (p, id) -> installMuxer(upgrade, session, id, acceptors))
            : MultistreamSelect.listen(
                pipeline,
                muxerIds,
                config.negotiationTimeout(),
                (p, id) -> installMuxer(upgrade, session, id, acceptors));
    upgrade.failOn(negotiated, UpgradeException.Stage.MUXER_NEGOTIATION);
    negotiated.addListener(f -> upgrade.succeedIfReady());
  }

  private void installMuxer(
      ConnectionUpgrade upgrade,
      NoiseSession session,
      String muxerId,
      StreamAcceptorFactory acceptors) {
    Channel channel = upgrade.channel();
    MuxerFactory factory =
        muxers.stream().filter(m -> m.protocolId().equals(muxerId)).findFirst().orElseThrow();
    Multiaddr remote = address(channel.remoteAddress());
    var muxer =
        factory.install(
            channel, upgrade.initiator(), acceptors.create(session.remotePeer(), remote));
    upgrade.ready(
        new SecuredConnection(
            session.remotePeer(),
            session.remoteKey(),
            address(channel.localAddress()),
            remote,
            upgrade.initiator(),
            muxerId,
            muxer,
            channel));
  }

  private static Multiaddr address(java.net.SocketAddress address) {
    if (address instanceof InetSocketAddress inet) {
      return Multiaddr.fromSocketAddress(inet);
    }
    throw new IllegalArgumentException("not a TCP/IP channel: " + address);
  }
}
