package io.dt4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.libp2p.crypto.Ed25519PrivKey;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code dt4j net ping|bench} against an in-process peer, and their one-line errors. */
@Timeout(60)
class NetCommandTest {
  private static NetNode.Started peer;
  private static String address;

  @BeforeAll
  static void startPeer() throws Exception {
    peer =
        NetNode.start(
            Ed25519PrivKey.generate(new SecureRandom()),
            List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")),
            NetNode.muxers("yamux,mplex"));
    address =
        peer.host().listen().toCompletableFuture().get(10, TimeUnit.SECONDS).get(0).toString();
  }

  @AfterAll
  static void stopPeer() {
    peer.host().close();
  }

  @Test
  void pingPrintsEachRoundTrip() {
    CliRun run = CliRun.of("net", "ping", address, "--count", "2");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains("ping 1: rtt", "ping 2: rtt", "2 pings, average rtt");
  }

  @Test
  void benchReceivesAndSendsWithEitherMuxer() {
    CliRun receive = CliRun.of("net", "bench", address, "--bytes", "4194304");
    CliRun send =
        CliRun.of(
            "net",
            "bench",
            address,
            "--bytes",
            "4194304",
            "--direction",
            "send",
            "--muxer",
            "mplex");

    assertThat(receive.exitCode()).as(receive.err()).isEqualTo(ExitCode.OK);
    assertThat(receive.out()).contains("received 4194304 bytes", "MB/s", "/yamux/1.0.0", "Noise");
    assertThat(send.exitCode()).as(send.err()).isEqualTo(ExitCode.OK);
    assertThat(send.out()).contains("sent 4194304 bytes", "/mplex/6.7.0");
  }

  @Test
  void anAddressWithoutPeerIdIsAUsageError() {
    CliRun run = CliRun.of("net", "ping", "/ip4/127.0.0.1/tcp/1");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.errLines()).singleElement().asString().contains("lacks /p2p");
  }

  @Test
  void anUnknownMuxerIsAUsageError() {
    CliRun run = CliRun.of("net", "bench", address, "--bytes", "1", "--muxer", "quic");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.errLines()).singleElement().asString().contains("unknown muxer 'quic'");
  }

  @Test
  void aRefusedConnectionIsOneErrorLine() {
    String nobody = "/ip4/127.0.0.1/tcp/1/p2p/12D3KooWDpJ7As7BWAwRMfu1VU2WCqNjvq387JEYKDBj4kx6nXTN";
    CliRun run = CliRun.of("net", "ping", nobody);

    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.errLines()).singleElement().asString().startsWith("dt4j: connect failed:");
  }
}
