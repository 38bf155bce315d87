package io.dt4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.dt4j.libp2p.protocols.Echo;
import io.dt4j.libp2p.protocols.Identify;
import io.dt4j.libp2p.protocols.IdentifyInfo;
import io.dt4j.libp2p.protocols.Ping;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dt4j libp2p host against the js-libp2p peer of {@code shared/interop/js-peer} (libp2p
 * 3.3.11), both directions, yamux and mplex: ping, identify both ways (peer ids, protocols, listen
 * addresses), 1 MiB echo, 32 concurrent echo streams. Set {@code -Ddt4j.interop.benchBytes=N} to
 * also measure the bench protocols against js.
 */
@Timeout(180)
class Libp2pJsPeerIT {
  private static final long BENCH_BYTES = Long.getLong("dt4j.interop.benchBytes", 0);
  private static NodeTool peer;

  private final List<Process> processes = new ArrayList<>();
  private final List<Libp2pHost> hosts = new ArrayList<>();

  @BeforeAll
  static void installPeer() {
    peer = NodeTool.install("js-peer");
  }

  @AfterEach
  void stop() throws InterruptedException {
    for (Process p : processes) {
      p.destroy();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    hosts.forEach(Libp2pHost::close);
  }

  private static MuxerFactory muxer(String name) {
    return name.equals("yamux") ? new YamuxMuxerFactory() : new MplexMuxerFactory();
  }

  private record Dt4j(Libp2pHost host, Identify identify, Ping ping) {}

  private Dt4j dt4j(String muxerName, boolean listen) throws Exception {
    HostConfig config =
        HostConfig.defaults(Ed25519PrivKey.generate(new SecureRandom()))
            .withMuxers(List.of(muxer(muxerName)))
            .withListenAddresses(
                listen ? List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")) : List.of());
    Libp2pHost host = new Libp2pHost(config);
    hosts.add(host);
    Identify identify = Identify.install(host, Identify.defaultAgentVersion());
    Ping ping = Ping.install(host);
    Echo.install(host);
    Bench.install(host);
    if (listen) {
      await(host.listen());
    }
    return new Dt4j(host, identify, ping);
  }

  private static <T> T await(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  /** Collects a process's output lines on a daemon thread. */
  private static final class Lines {
    final StringBuffer text = new StringBuffer();
    final CompletableFuture<String> first = new CompletableFuture<>();

    Lines(InputStream in) {
      Thread t =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                  for (String line; (line = r.readLine()) != null; ) {
                    first.complete(line);
                    text.append(line).append('\n');
                  }
                } catch (IOException e) {
                  first.completeExceptionally(e);
                }
                first.completeExceptionally(new IllegalStateException("no output"));
              });
      t.setDaemon(true);
      t.start();
    }

    boolean contains(String s) {
      return text.indexOf(s) >= 0;
    }
  }

  private static void awaitLog(Lines err, String... parts) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      String all = err.text.toString();
      for (String line : all.split("\n")) {
        boolean match = true;
        for (String part : parts) {
          match &= line.contains(part);
        }
        if (match) {
          return;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "js peer never logged a line with " + List.of(parts) + ":\n" + err.text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"yamux", "mplex"})
  void dt4jDialsJs(String muxer) throws Exception {
    Process js = peer.start("peer.mjs", "--listen", "0", "--muxer", muxer, "--no-monitor-abort");
    processes.add(js);
    Lines out = new Lines(js.getInputStream());
    Lines err = new Lines(js.getErrorStream());
    Multiaddr jsAddr = Multiaddr.parse(out.first.get(30, TimeUnit.SECONDS));
    PeerId jsPeer = jsAddr.peerId().orElseThrow();
    Dt4j node = dt4j(muxer, true);

    Libp2pConnection connection = await(node.host().connect(jsAddr));
    assertThat(connection.muxerId()).isEqualTo(muxer(muxer).protocolId());

    checkAll(node, jsPeer, jsAddr, err);
    if (BENCH_BYTES > 0) {
      bench(node, jsPeer, muxer, "dt4j dials js");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"yamux", "mplex"})
  void jsDialsDt4j(String muxer) throws Exception {
    Dt4j node = dt4j(muxer, true);
    CompletableFuture<PeerId> connected = new CompletableFuture<>();
    node.host()
        .addConnectionListener(
            new io.dt4j.api.host.ConnectionListener() {
              @Override
              public void connected(PeerId p) {
                connected.complete(p);
              }

              @Override
              public void disconnected(PeerId p) {}
            });
    Multiaddr ours = node.host().listenAddresses().get(0).withPeerId(node.host().peerId());
    // js dials, pings, echoes 1 MiB, then downloads from dt4j's bench source: far more than it
    // gets before the test ends, so the js dialer and its connection stay up while dt4j runs its
    // checks on that connection (over mplex ~10 s, streams paced, see concurrentEchoes); the js
    // process is then stopped. Not an upload: js floods an mplex connection it sends on and
    // answers nothing else meanwhile.
    Process js =
        peer.start(
            "peer.mjs",
            "--dial",
            ours.toString(),
            "--muxer",
            muxer,
            "--no-monitor-abort",
            "--bench-source",
            "1099511627776");
    processes.add(js);
    Lines out = new Lines(js.getInputStream());
    Lines err = new Lines(js.getErrorStream());
    PeerId jsPeer = connected.get(30, TimeUnit.SECONDS);

    // dt4j identifies the js dialer on the js-initiated connection; js has no listen address
    IdentifyInfo info = await(node.identify().identified(jsPeer));
    // js-libp2p 3.3.11 announces "js-libp2p/3.3.11 node/<v>", not the configured agent
    assertThat(info.agentVersion()).hasValueSatisfying(v -> assertThat(v).startsWith("js-"));
    assertThat(info.protocols()).contains(Echo.PROTOCOL_ID, Ping.PROTOCOL_ID, Identify.PROTOCOL_ID);
    assertThat(info.observedAddr()).isPresent();
    assertThat(await(node.ping().ping(jsPeer))).isPositive();
    concurrentEchoes(node, jsPeer, 32, err);
    awaitLog(
        err,
        "identified " + node.host().peerId(),
        "agent=dt4j/",
        "\"" + Echo.PROTOCOL_ID + "\"",
        "\"" + Bench.SINK_PROTOCOL_ID + "\"",
        ours.withoutPeerId().toString());

    // the js dialer's own checks: ping and a verified 1 MiB echo through dt4j
    awaitLog(err, "ping rtt=");
    awaitLog(err, "echo: 1048576 bytes verified");
    assertThat(js.isAlive()).as("js dialer still running; stdout: " + out.text).isTrue();
    assertThat(node.host().connections(jsPeer).size()).isLessThanOrEqualTo(1);
  }

  private void checkAll(Dt4j node, PeerId jsPeer, Multiaddr jsAddr, Lines err) throws Exception {
    IdentifyInfo info = await(node.identify().identified(jsPeer));
    assertThat(info.peer()).isEqualTo(jsPeer);
    assertThat(info.publicKey().peerId()).isEqualTo(jsPeer);
    // js-libp2p 3.3.11 announces "js-libp2p/3.3.11 node/<v>", not the configured agent
    assertThat(info.agentVersion()).hasValueSatisfying(v -> assertThat(v).startsWith("js-"));
    assertThat(info.protocolVersion()).hasValue("ipfs/0.1.0");
    assertThat(info.protocols())
        .contains(
            Echo.PROTOCOL_ID,
            Bench.SINK_PROTOCOL_ID,
            Bench.SOURCE_PROTOCOL_ID,
            Identify.PROTOCOL_ID,
            Identify.PUSH_PROTOCOL_ID,
            Ping.PROTOCOL_ID);
    assertThat(info.listenAddrs()).contains(jsAddr.withoutPeerId());
    assertThat(node.host().addressBook().addresses(jsPeer)).contains(jsAddr.withoutPeerId());
    awaitLog(
        err,
        "identified " + node.host().peerId(),
        "agent=dt4j/",
        "\"" + Ping.PROTOCOL_ID + "\"",
        "\"" + Identify.PROTOCOL_ID + "\"",
        node.host().listenAddresses().get(0).toString());

    assertThat(await(node.ping().ping(jsPeer))).isPositive();

    byte[] payload = new byte[1 << 20];
    new Random(7).nextBytes(payload);
    assertThat(await(Echo.roundTrip(node.host(), jsPeer, payload))).isEqualTo(payload);

    concurrentEchoes(node, jsPeer, 32, err);
    assertThat(node.host().connections(jsPeer)).hasSize(1);
  }

  /**
   * Opens {@code streams} echo streams, all open at once, then echoes on all of them concurrently.
   * js mplex aborts the whole connection when the remote opens more than 5 streams per second
   * (@libp2p/mplex {@code DISCONNECT_THRESHOLD}, no flow control to push back with), so over mplex
   * the streams are opened at 4 per second; yamux opens them all at once.
   */
  private static void concurrentEchoes(Dt4j node, PeerId jsPeer, int streams, Lines err)
      throws Exception {
    boolean paced = node.host().connections(jsPeer).get(0).muxerId().equals("/mplex/6.7.0");
    if (paced) {
      Thread.sleep(1100); // let the earlier streams' rate-limit points expire
    }
    List<CompletableFuture<io.dt4j.libp2p.host.Libp2pStream>> opened = new ArrayList<>();
    for (int i = 0; i < streams; i++) {
      opened.add(node.host().openStream(jsPeer, List.of(Echo.PROTOCOL_ID)).toCompletableFuture());
      if (paced) {
        Thread.sleep(260);
      }
    }
    List<byte[]> payloads = new ArrayList<>();
    List<CompletableFuture<byte[]>> echoes = new ArrayList<>();
    for (int i = 0; i < streams; i++) {
      byte[] payload = new byte[32 * 1024 + i];
      new Random(i).nextBytes(payload);
      payloads.add(payload);
      try {
        echoes.add(
            Echo.roundTrip(opened.get(i).get(30, TimeUnit.SECONDS), payload).toCompletableFuture());
      } catch (java.util.concurrent.ExecutionException e) {
        throw new AssertionError("echo stream " + i + " did not open; js log:\n" + err.text, e);
      }
    }
    for (int i = 0; i < streams; i++) {
      try {
        assertThat(echoes.get(i).get(60, TimeUnit.SECONDS)).isEqualTo(payloads.get(i));
      } catch (java.util.concurrent.ExecutionException e) {
        throw new AssertionError("echo stream " + i + " failed; js log:\n" + err.text, e);
      }
    }
  }

  private static void bench(Dt4j node, PeerId jsPeer, String muxer, String what) throws Exception {
    for (String direction : List.of("receive", "send")) {
      long start = System.nanoTime();
      long n =
          (direction.equals("receive")
                  ? Bench.receive(node.host(), jsPeer, BENCH_BYTES)
                  : Bench.send(node.host(), jsPeer, BENCH_BYTES))
              .toCompletableFuture()
              .get(170, TimeUnit.SECONDS);
      double s = (System.nanoTime() - start) / 1e9;
      assertThat(n).isEqualTo(BENCH_BYTES);
      System.out.printf(
          "%s, %s, dt4j %s (js bench/%s): %d bytes in %.2f s = %.1f MB/s (Noise cipher %s)%n",
          what,
          muxer,
          direction,
          direction.equals("receive") ? "source" : "sink",
          n,
          s,
          n / s / 1e6,
          node.host().cipherSuite().providerName());
    }
  }
}
