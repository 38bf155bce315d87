package io.dt4j.libp2p.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.dt4j.api.PeerId;
import io.dt4j.libp2p.crypto.Ed25519PrivKey;
import io.dt4j.libp2p.crypto.PrivKey;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import io.dt4j.libp2p.noise.NoiseCipherSuite;
import io.dt4j.libp2p.testing.PassthroughMuxerFactory;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Interop with the js-libp2p peer of {@code shared/interop/js-peer} (libp2p 3.3.11, noise 17):
 * multistream + Noise complete in both directions and the muxer negotiation reaches the muxer. The
 * muxer here is a passthrough stand-in, so the test checks that the first decrypted bytes from js
 * are a yamux frame header. Skipped unless {@code node} runs and the peer's {@code node_modules}
 * exist (default {@code /tmp/js-peer}, override with {@code -Ddt4j.jsPeer=<dir>}).
 */
@Timeout(60)
class JsPeerInteropIT {
  private static final Logger LOG = LoggerFactory.getLogger(JsPeerInteropIT.class);
  private static final Path PEER_DIR = Path.of(System.getProperty("dt4j.jsPeer", "/tmp/js-peer"));
  private static final SecureRandom RANDOM = new SecureRandom();

  /** libp2p.md §9: the peer id of the all-zero Ed25519 seed. */
  private static final String ZERO_SEED_ID = "12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN";

  private final List<Process> processes = new ArrayList<>();
  private final List<TcpTransport> transports = new ArrayList<>();
  private final PrivKey javaKey = Ed25519PrivKey.generate(RANDOM);

  @BeforeAll
  static void requireNodeAndPeer() {
    assumeTrue(
        Files.isDirectory(PEER_DIR.resolve("node_modules")), "no " + PEER_DIR + "/node_modules");
    try {
      Process node = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      assumeTrue(node.waitFor(10, TimeUnit.SECONDS) && node.exitValue() == 0, "node does not run");
    } catch (IOException | InterruptedException e) {
      assumeTrue(false, "node is not installed: " + e);
    }
  }

  @AfterEach
  void stop() {
    processes.forEach(Process::destroyForcibly);
    transports.forEach(TcpTransport::close);
  }

  @Test
  void javaDialsJsListenerThroughNoiseToYamux() throws Exception {
    Multiaddr jsAddress = startJsListener("yamux");
    assertThat(jsAddress.peerId()).contains(PeerId.parse(ZERO_SEED_ID));

    PassthroughMuxerFactory yamux = new PassthroughMuxerFactory("/yamux/1.0.0");
    SecuredConnection connection =
        transport(yamux, new PassthroughMuxerFactory("/mplex/6.7.0"))
            .dial(jsAddress, (peer, addr) -> stream -> stream.reset())
            .get(20, TimeUnit.SECONDS);

    assertThat(connection.remotePeer().toBase58()).isEqualTo(ZERO_SEED_ID);
    assertThat(connection.muxerId()).isEqualTo("/yamux/1.0.0");
    byte[] first = awaitBytes(yamux, 12);
    LOG.info("first bytes from js over Noise: {}", hex(first));
    assertYamuxHeader(first);
    connection.channel().close().sync();
  }

  @Test
  void javaDialsMplexOnlyJsListenerAndFallsBackAfterNa() throws Exception {
    Multiaddr jsAddress = startJsListener("mplex");
    SecuredConnection connection =
        transport(
                new PassthroughMuxerFactory("/yamux/1.0.0"),
                new PassthroughMuxerFactory("/mplex/6.7.0"))
            .dial(jsAddress, (peer, addr) -> stream -> stream.reset())
            .get(20, TimeUnit.SECONDS);
    assertThat(connection.muxerId()).isEqualTo("/mplex/6.7.0");
    connection.channel().close().sync();
  }

  @Test
  void jsDialsJavaListenerThroughNoiseToYamux() throws Exception {
    PassthroughMuxerFactory yamux = new PassthroughMuxerFactory("/yamux/1.0.0");
    TcpTransport transport = transport(yamux);
    CompletableFuture<SecuredConnection> inbound = new CompletableFuture<>();
    Multiaddr address =
        transport
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
            .address()
            .withPeerId(javaKey.peerId());

    // js dials with the /p2p id, so it checks our identity; its yamux then talks to our stand-in
    startNode(
        "jsdial",
        "peer.mjs",
        "--dial",
        address.toString(),
        "--muxer",
        "yamux",
        "--timeout-ms",
        "15000");
    SecuredConnection connection = inbound.get(20, TimeUnit.SECONDS);
    assertThat(connection.muxerId()).isEqualTo("/yamux/1.0.0");
    assertThat(connection.initiator()).isFalse();
    assertThat(connection.remotePeer().toBase58()).startsWith("12D3KooW");
    byte[] first = awaitBytes(yamux, 12);
    LOG.info("first bytes from js dialer over Noise: {}", hex(first));
    assertYamuxHeader(first);
    connection.channel().close().sync();
  }

  private TcpTransport transport(PassthroughMuxerFactory... muxers) {
    Upgrader upgrader =
        new Upgrader(
            javaKey, List.of(muxers), UpgraderConfig.DEFAULT, NoiseCipherSuite.preferred(), RANDOM);
    TcpTransport transport = new TcpTransport(upgrader, 1, Duration.ofSeconds(5));
    transports.add(transport);
    return transport;
  }

  private Multiaddr startJsListener(String muxer) throws Exception {
    Process process =
        startNode(
            "jslisten-" + muxer,
            "peer.mjs",
            "--listen",
            "0",
            "--muxer",
            muxer,
            "--key-seed",
            "00".repeat(32),
            "--no-monitor");
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    CompletableFuture<String> firstLine =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return out.readLine();
              } catch (IOException e) {
                throw new IllegalStateException(e);
              }
            });
    String line = firstLine.get(20, TimeUnit.SECONDS);
    LOG.info("js listener: {}", line);
    return Multiaddr.parse(line.trim());
  }

  private Process startNode(String logName, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("node"));
    command.addAll(List.of(args));
    File log = new File("target/" + logName + ".log");
    Process process =
        new ProcessBuilder(command)
            .directory(PEER_DIR.toFile())
            .redirectError(ProcessBuilder.Redirect.to(log))
            .start();
    processes.add(process);
    return process;
  }

  private static byte[] awaitBytes(PassthroughMuxerFactory muxer, int count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (muxer.lastCapture() != null && muxer.lastCapture().received().length >= count) {
        return muxer.lastCapture().received();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("js sent fewer than " + count + " bytes after the muxer echo");
  }

  /** yamux header: version 0, type 0..3, flags, stream id, length (libp2p.md §5.1). */
  private static void assertYamuxHeader(byte[] bytes) {
    assertThat(bytes[0]).as("yamux version").isEqualTo((byte) 0);
    assertThat(bytes[1]).as("yamux type").isBetween((byte) 0, (byte) 3);
  }

  private static String hex(byte[] bytes) {
    return java.util.HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 48));
  }
}
