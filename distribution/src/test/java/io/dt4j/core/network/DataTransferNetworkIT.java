package io.dt4j.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.dt4j.api.PeerId;
import io.dt4j.api.TransferMessage;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TransferResponse;
import io.dt4j.core.messages.MessageCodec;
import io.dt4j.core.messages.ProtocolVersion;
import io.dt4j.core.messages.UnsupportedByVersionException;
import io.dt4j.libp2p.crypto.Ed25519PrivKey;
import io.dt4j.libp2p.host.HostConfig;
import io.dt4j.libp2p.host.Libp2pHost;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import io.dt4j.testing.SpecDocument;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two dt4j nodes exchange every kind of data-transfer message over real libp2p on loopback (TCP,
 * Noise, yamux): on 1.1, on 1.0 when the receiver offers only 1.0, and retries against a peer that
 * is down.
 */
class DataTransferNetworkIT {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final List<Libp2pHost> hosts = new ArrayList<>();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
  private final ExecutorService dispatch = Executors.newFixedThreadPool(2);

  /** Records what arrives, by kind. */
  static final class Recorder implements MessageReceiver {
    final List<TransferMessage> messages = new CopyOnWriteArrayList<>();

    @Override
    public void receiveRequest(PeerId from, TransferRequest request) {
      messages.add(request);
    }

    @Override
    public void receiveRestartExistingChannelRequest(PeerId from, TransferRequest request) {
      messages.add(request);
    }

    @Override
    public void receiveResponse(PeerId from, TransferResponse response) {
      messages.add(response);
    }
  }

  @AfterEach
  void stop() {
    hosts.forEach(Libp2pHost::close);
    scheduler.shutdownNow();
    dispatch.shutdownNow();
  }

  private Libp2pHost host() throws Exception {
    Libp2pHost host =
        new Libp2pHost(
            HostConfig.defaults(Ed25519PrivKey.generate(RANDOM))
                .withListenAddresses(List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"))));
    hosts.add(host);
    host.listen().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return host;
  }

  private DataTransferNetwork network(
      Libp2pHost host, MessageReceiver receiver, NetworkOptions options) {
    DataTransferNetwork network =
        new DataTransferNetwork(
            host, options, scheduler, dispatch, RandomGenerator.of("L64X128MixRandom"));
    network.start(receiver);
    return network;
  }

  /** Every 1.1 golden vector of the spec, as messages. */
  private static List<TransferMessage> everyMessageKind(ProtocolVersion version) throws Exception {
    List<TransferMessage> messages = new ArrayList<>();
    for (String line :
        Files.readAllLines(SpecDocument.sharedDir().resolve("spec/vectors/data-transfer.tsv"))) {
      String[] f = line.split("\t");
      if (!line.startsWith("#")
          && f.length >= 3
          && f[1].equals(version == ProtocolVersion.V1_1 ? "1.1" : "1.0")) {
        messages.add(MessageCodec.decode(HexFormat.of().parseHex(f[2]), version));
      }
    }
    return messages;
  }

  @Test
  void everyMessageKindCrossesRealLibp2pOn11() throws Exception {
    Libp2pHost alice = host();
    Libp2pHost bob = host();
    Recorder bobReceived = new Recorder();
    DataTransferNetwork aliceNet = network(alice, new Recorder(), NetworkOptions.DEFAULT);
    network(bob, bobReceived, NetworkOptions.DEFAULT);
    alice.addAddress(bob.peerId(), bob.listenAddresses().get(0));
    List<TransferMessage> sent = everyMessageKind(ProtocolVersion.V1_1);

    for (TransferMessage message : sent) {
      aliceNet.sendMessage(bob.peerId(), message).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> bobReceived.messages.size() == sent.size());
    assertThat(bobReceived.messages).containsExactlyInAnyOrderElementsOf(sent);
    assertThat(sent).hasSizeGreaterThan(15);
  }

  @Test
  void aReceiverOfferingOnly10GetsThe10FormsAndRestartsAreRefused() throws Exception {
    Libp2pHost alice = host();
    Libp2pHost bob = host();
    Recorder bobReceived = new Recorder();
    DataTransferNetwork aliceNet = network(alice, new Recorder(), NetworkOptions.DEFAULT);
    network(bob, bobReceived, NetworkOptions.DEFAULT);
    bob.removeStreamHandler(ProtocolVersion.V1_1.protocolId());
    alice.addAddress(bob.peerId(), bob.listenAddresses().get(0));
    List<TransferMessage> sayable =
        everyMessageKind(ProtocolVersion.V1_1).stream()
            .filter(
                m ->
                    m.type() != io.dt4j.api.MessageType.RESTART
                        && m.type() != io.dt4j.api.MessageType.RESTART_EXISTING_CHANNEL_REQUEST)
            .toList();

    for (TransferMessage message : sayable) {
      aliceNet.sendMessage(bob.peerId(), message).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    TransferMessage restart =
        everyMessageKind(ProtocolVersion.V1_1).stream()
            .filter(m -> m.type() == io.dt4j.api.MessageType.RESTART)
            .findFirst()
            .orElseThrow();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> bobReceived.messages.size() == sayable.size());
    assertThat(bobReceived.messages).containsExactlyInAnyOrderElementsOf(sayable);
    assertThatThrownBy(
            () -> aliceNet.sendMessage(bob.peerId(), restart).toCompletableFuture().join())
        .hasCauseInstanceOf(UnsupportedByVersionException.class);
  }

  @Test
  void aPeerThatIsDownIsRetriedWithBackoffThenTheSendFailsNamingIt() throws Exception {
    Libp2pHost alice = host();
    Libp2pHost bob = host();
    PeerId bobId = bob.peerId();
    Multiaddr bobAddress = bob.listenAddresses().get(0);
    bob.close();
    NetworkOptions quick =
        new NetworkOptions(
            Duration.ofSeconds(2),
            Duration.ofSeconds(2),
            5,
            Duration.ofMillis(50),
            Duration.ofSeconds(1),
            2,
            false,
            Duration.ofSeconds(30),
            4 << 20);
    DataTransferNetwork aliceNet = network(alice, new Recorder(), quick);
    alice.addAddress(bobId, bobAddress);
    long start = System.nanoTime();

    assertThatThrownBy(
            () ->
                aliceNet
                    .sendMessage(bobId, everyMessageKind(ProtocolVersion.V1_1).get(3))
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS))
        .hasCauseInstanceOf(SendFailedException.class)
        .hasMessageContaining("exhausted 5 attempts but failed to open stream to " + bobId);
    // 50 + 100 + 200 + 400 ms of back-off between the five attempts
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(750));
  }
}
