package io.dt4j.libp2p.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.PeerId;
import io.dt4j.libp2p.crypto.Ed25519PrivKey;
import io.dt4j.libp2p.crypto.PrivKey;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import io.dt4j.libp2p.multistream.MultistreamSelect;
import io.dt4j.libp2p.mux.MuxerFactory;
import io.dt4j.libp2p.noise.MisbehavingNoise;
import io.dt4j.libp2p.noise.NoiseCipherSuite;
import io.dt4j.libp2p.noise.NoiseException;
import io.dt4j.libp2p.noise.NoiseSecurity;
import io.dt4j.libp2p.noise.NoiseSession;
import io.dt4j.libp2p.testing.LeakCheck;
import io.dt4j.libp2p.testing.PassthroughMuxerFactory;
import io.dt4j.libp2p.transport.UpgradeException.Stage;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

@Timeout(20)
@ExtendWith(LeakCheck.class)
class UpgraderTest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String HEADER = "132f6d756c746973747265616d2f312e302e300a";
  private static final String NOISE = "072f6e6f6973650a";

  private final PrivKey listenerKey = Ed25519PrivKey.generate(RANDOM);
  private final PrivKey dialerKey = Ed25519PrivKey.generate(RANDOM);
  private final PassthroughMuxerFactory listenerYamux = new PassthroughMuxerFactory("/yamux/1.0.0");
  private final PassthroughMuxerFactory listenerMplex = new PassthroughMuxerFactory("/mplex/6.7.0");
  private final CompletableFuture<SecuredConnection> inbound = new CompletableFuture<>();
  private TcpTransport listenerTransport;
  private TcpTransport dialerTransport;
  private Multiaddr listenAddress;

  @AfterEach
  void closeTransports() {
    if (dialerTransport != null) {
      dialerTransport.close();
    }
    if (listenerTransport != null) {
      listenerTransport.close();
    }
  }

  private void listen(UpgraderConfig config, MuxerFactory... muxers) throws Exception {
    Upgrader upgrader =
        new Upgrader(listenerKey, List.of(muxers), config, NoiseCipherSuite.preferred(), RANDOM);
    listenerTransport = new TcpTransport(upgrader, 1, Duration.ofSeconds(5));
    listenAddress =
        listenerTransport
            .listen(
                Multiaddr.parse("/ip4/127.0.0.1/tcp/0"),
                (peer, addr) -> stream -> stream.reset(),
                new ConnectionHandler() {
                  @Override
                  public void onConnection(SecuredConnection connection) {
                    inbound.complete(connection);
                  }

                  @Override
                  public void onUpgradeFailed(UpgradeException cause) {
                    inbound.completeExceptionally(cause);
                  }
                })
            .get(5, TimeUnit.SECONDS)
            .address();
  }

  private Future<SecuredConnection> dial(Multiaddr address, MuxerFactory... muxers) {
    Upgrader upgrader =
        new Upgrader(
            dialerKey,
            List.of(muxers),
            UpgraderConfig.DEFAULT,
            NoiseCipherSuite.preferred(),
            RANDOM);
    dialerTransport = new TcpTransport(upgrader, 1, Duration.ofSeconds(5));
    return dialerTransport.dial(address, (peer, addr) -> stream -> stream.reset());
  }

  private UpgradeException inboundFailure() throws Exception {
    try {
      inbound.get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return (UpgradeException) e.getCause();
    }
    throw new AssertionError("inbound upgrade succeeded unexpectedly");
  }

  @Test
  void dialerAndListenerUpgradeAndExchangeEncryptedBytes() throws Exception {
    listen(UpgraderConfig.DEFAULT, listenerYamux, listenerMplex);
    PassthroughMuxerFactory dialerYamux = new PassthroughMuxerFactory("/yamux/1.0.0");
    SecuredConnection out =
        dial(
                listenAddress.withPeerId(listenerKey.peerId()),
                dialerYamux,
                new PassthroughMuxerFactory("/mplex/6.7.0"))
            .get(10, TimeUnit.SECONDS);
    SecuredConnection in = inbound.get(10, TimeUnit.SECONDS);

    assertThat(out.remotePeer()).isEqualTo(listenerKey.peerId());
    assertThat(in.remotePeer()).isEqualTo(dialerKey.peerId());
    assertThat(out.muxerId()).isEqualTo("/yamux/1.0.0");
    assertThat(in.muxerId()).isEqualTo("/yamux/1.0.0");
    assertThat(out.initiator()).isTrue();
    assertThat(in.initiator()).isFalse();
    assertThat(out.remoteAddress()).isEqualTo(listenAddress);
    assertThat(in.localAddress()).isEqualTo(listenAddress);

    byte[] big = new byte[300_000];
    RANDOM.nextBytes(big);
    out.channel().writeAndFlush(Unpooled.wrappedBuffer(big)).sync();
    awaitBytes(listenerYamux, big.length);
    assertThat(listenerYamux.lastCapture().received()).isEqualTo(big);

    in.channel().writeAndFlush(Unpooled.copiedBuffer("pong", StandardCharsets.UTF_8)).sync();
    awaitBytes(dialerYamux, 4);
    assertThat(new String(dialerYamux.lastCapture().received(), StandardCharsets.UTF_8))
        .isEqualTo("pong");
    out.muxer().close().sync();
    in.closeFuture().await(5, TimeUnit.SECONDS);
    assertThat(in.channel().isActive()).isFalse();
  }

  @Test
  void dialerFallsBackToTheSecondMuxerAfterNa() throws Exception {
    listen(UpgraderConfig.DEFAULT, listenerMplex);
    SecuredConnection out =
        dial(
                listenAddress,
                new PassthroughMuxerFactory("/yamux/1.0.0"),
                new PassthroughMuxerFactory("/mplex/6.7.0"))
            .get(10, TimeUnit.SECONDS);
    assertThat(out.muxerId()).isEqualTo("/mplex/6.7.0");
    assertThat(inbound.get(10, TimeUnit.SECONDS).muxerId()).isEqualTo("/mplex/6.7.0");
    out.muxer().close().sync();
  }

  @Test
  void noCommonMuxerFailsBothSidesAndCloses() throws Exception {
    listen(UpgraderConfig.DEFAULT, listenerMplex);
    Future<SecuredConnection> out =
        dial(listenAddress, new PassthroughMuxerFactory("/yamux/1.0.0"));
    out.await(10, TimeUnit.SECONDS);
    assertThat(((UpgradeException) out.cause()).stage()).isEqualTo(Stage.MUXER_NEGOTIATION);
    UpgradeException in = inboundFailure();
    assertThat(in.stage()).isIn(Stage.MUXER_NEGOTIATION, Stage.CONNECTION_CLOSED);
  }

  @Test
  void wrongPeerIdFailsTheDialButNotOtherConnections() throws Exception {
    listen(UpgraderConfig.DEFAULT, listenerYamux);
    SecuredConnection good =
        dial(listenAddress, new PassthroughMuxerFactory("/yamux/1.0.0")).get(10, TimeUnit.SECONDS);

    PeerId someoneElse = Ed25519PrivKey.generate(RANDOM).peerId();
    Future<SecuredConnection> bad =
        dialerTransport.dial(listenAddress.withPeerId(someoneElse), (p, a) -> s -> s.reset());
    bad.await(10, TimeUnit.SECONDS);
    UpgradeException failure = (UpgradeException) bad.cause();
    assertThat(failure.stage()).isEqualTo(Stage.NOISE_HANDSHAKE);
    assertThat(((NoiseException) failure.getCause()).reason())
        .isEqualTo(NoiseException.Reason.PEER_ID_MISMATCH);
    assertThat(failure).hasMessageContaining("dialed " + someoneElse);

    assertThat(good.channel().isActive()).isTrue();
    good.channel()
        .writeAndFlush(Unpooled.copiedBuffer("still here", StandardCharsets.UTF_8))
        .sync();
    awaitBytes(listenerYamux, 10);
    good.muxer().close().sync();
  }

  @Test
  void malformedMultistreamLineClosesTheConnection() throws Exception {
    listen(UpgraderConfig.DEFAULT, listenerYamux);
    assertClosedAfterSending(HEADER + "032f6e6f"); // "/no" without a newline
    assertThat(inboundFailure().stage()).isEqualTo(Stage.SECURITY_NEGOTIATION);
  }

  @Test
  void oversizedMultistreamFrameClosesTheConnection() throws Exception {
    listen(UpgraderConfig.DEFAULT, listenerYamux);
    assertClosedAfterSending(HEADER + "d00f" + "61".repeat(64)); // declares 2000 bytes
    assertThat(inboundFailure())
        .satisfies(e -> assertThat(e.stage()).isEqualTo(Stage.SECURITY_NEGOTIATION))
        .hasMessageContaining("exceeds the limit of 1024");
  }

  @Test
  void truncatedNoiseFrameClosesTheConnection() throws Exception {
    listen(UpgraderConfig.DEFAULT, listenerYamux);
    try (Socket socket = new Socket("127.0.0.1", port())) {
      socket.setSoTimeout(5000);
      socket
          .getOutputStream()
          .write(HexFormat.of().parseHex(HEADER + NOISE + "0020" + "00".repeat(10)));
      socket.shutdownOutput();
      assertThat(readUntilEof(socket.getInputStream())).isTrue();
    }
    UpgradeException failure = inboundFailure();
    assertThat(failure.stage()).isEqualTo(Stage.NOISE_HANDSHAKE);
    assertThat(((NoiseException) failure.getCause()).reason())
        .isEqualTo(NoiseException.Reason.TRUNCATED_FRAME);
  }

  @Test
  void badNoiseSignatureClosesTheConnection() throws Exception {
    listen(UpgraderConfig.DEFAULT, listenerYamux);
    Channel client = misbehavingClient(MisbehavingNoise::badSignature);
    assertThat(client.closeFuture().await(10, TimeUnit.SECONDS)).isTrue();
    UpgradeException failure = inboundFailure();
    assertThat(failure.stage()).isEqualTo(Stage.NOISE_HANDSHAKE);
    assertThat(((NoiseException) failure.getCause()).reason())
        .isEqualTo(NoiseException.Reason.BAD_SIGNATURE);
  }

  @Test
  void wrongKeyTypeClosesTheConnection() throws Exception {
    listen(UpgraderConfig.DEFAULT, listenerYamux);
    Channel client = misbehavingClient(MisbehavingNoise::unknownKeyType);
    assertThat(client.closeFuture().await(10, TimeUnit.SECONDS)).isTrue();
    UpgradeException failure = inboundFailure();
    assertThat(((NoiseException) failure.getCause()).reason())
        .isEqualTo(NoiseException.Reason.BAD_IDENTITY_KEY);
  }

  @Test
  void silentPeerIsClosedWhenTheUpgradeTimesOut() throws Exception {
    listen(new UpgraderConfig(Duration.ofSeconds(10), Duration.ofMillis(300)), listenerYamux);
    try (Socket socket = new Socket("127.0.0.1", port())) {
      socket.setSoTimeout(5000);
      assertThat(readUntilEof(socket.getInputStream())).isTrue();
    }
    assertThat(inboundFailure().stage()).isEqualTo(Stage.TIMEOUT);
  }

  @Test
  void refusedConnectFailsTyped() throws Exception {
    int freePort;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      freePort = probe.getLocalPort();
    }
    Future<SecuredConnection> out =
        dial(
            Multiaddr.parse("/ip4/127.0.0.1/tcp/" + freePort),
            new PassthroughMuxerFactory("/yamux/1.0.0"));
    out.await(10, TimeUnit.SECONDS);
    assertThat(((UpgradeException) out.cause()).stage()).isEqualTo(Stage.CONNECT);
  }

  private Channel misbehavingClient(TriFunction noise) throws Exception {
    MultiThreadIoEventLoopGroup group =
        new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      Channel ch =
          new Bootstrap()
              .group(group)
              .channel(NioSocketChannel.class)
              .handler(
                  new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel c) {
                      MultistreamSelect.dial(
                          c.pipeline(),
                          List.of(NoiseSecurity.PROTOCOL_ID),
                          Duration.ofSeconds(5),
                          (p, id) -> noise.apply(p, dialerKey, true));
                    }
                  })
              .connect(new InetSocketAddress("127.0.0.1", port()))
              .sync()
              .channel();
      ch.closeFuture().addListener(f -> group.shutdownGracefully(0, 1, TimeUnit.SECONDS));
      return ch;
    } catch (Exception e) {
      group.shutdownGracefully();
      throw e;
    }
  }

  @FunctionalInterface
  interface TriFunction {
    Future<NoiseSession> apply(io.netty.channel.ChannelPipeline p, PrivKey key, boolean initiator);
  }

  private int port() {
    return listenAddress.toTcpSocketAddress().getPort();
  }

  private void assertClosedAfterSending(String hex) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port())) {
      socket.setSoTimeout(5000);
      socket.getOutputStream().write(HexFormat.of().parseHex(hex));
      assertThat(readUntilEof(socket.getInputStream())).isTrue();
    }
  }

  /** Returns true once the server closed the connection (EOF or reset). */
  private static boolean readUntilEof(InputStream in) throws IOException {
    byte[] buf = new byte[1024];
    try {
      while (in.read(buf) >= 0) {
        // the listener's multistream header and answers
      }
      return true;
    } catch (java.net.SocketException reset) {
      return true;
    }
  }

  private static void awaitBytes(PassthroughMuxerFactory muxer, int count)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline
        && (muxer.lastCapture() == null || muxer.lastCapture().received().length < count)) {
      Thread.sleep(10);
    }
  }
}
