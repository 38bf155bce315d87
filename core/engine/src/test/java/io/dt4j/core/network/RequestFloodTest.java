package io.dt4j.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.MessageType;
import io.dt4j.api.PeerId;
import io.dt4j.api.TransferId;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TransferResponse;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.core.messages.MessageCodec;
import io.dt4j.core.messages.ProtocolVersion;
import io.dt4j.ipld.Block;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Selectors;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A peer that floods a node with channel requests is throttled (its first dropped requests
 * rejected), then cut off and disconnected, while another peer's requests to the same node still
 * arrive.
 */
class RequestFloodTest {
  private static final PeerId FLOODER = DataTransferNetworkTest.peer("flooder");
  private static final PeerId CLIENT = DataTransferNetworkTest.peer("client");
  private static final PeerId PROVIDER = DataTransferNetworkTest.peer("provider");
  private static final RequestLimits LIMITS = new RequestLimits(50, 20, 500, Duration.ofMinutes(1));
  private static final int FLOOD = 10_000;

  private final InMemoryNetwork network = new InMemoryNetwork();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
  private final ExecutorService dispatch = Executors.newFixedThreadPool(2);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
    dispatch.shutdownNow();
    network.close();
  }

  private DataTransferNetwork node(PeerId id, MessageReceiver receiver) {
    DataTransferNetwork node =
        new DataTransferNetwork(
            network.host(id),
            NetworkOptions.DEFAULT,
            scheduler,
            dispatch,
            RandomGenerator.of("L64X128MixRandom"),
            List.of(ProtocolVersion.V1_1),
            LIMITS);
    node.start(receiver);
    return node;
  }

  private static TransferRequest pull(long id) {
    return new TransferRequest(
        MessageType.NEW,
        new TransferId(id),
        Optional.of(Block.of(Multicodec.RAW, new byte[] {1}).cid()),
        false,
        true,
        Optional.of(Selectors.EXPLORE_ALL),
        Optional.of(new EncodedVoucher(new TypeIdentifier("FakeDTType"), new byte[] {(byte) 0xf6})),
        Optional.empty());
  }

  private InMemoryNetwork.MemoryStream streamFrom(PeerId peer) {
    return (InMemoryNetwork.MemoryStream)
        network
            .host(peer)
            .newStream(PROVIDER, DataTransferNetwork.PROTOCOLS)
            .toCompletableFuture()
            .join();
  }

  @Test
  void aFloodingPeerIsThrottledThenCutOffWhileAnotherPeersRequestsArrive() throws Exception {
    DataTransferNetworkTest.Recorder provider = new DataTransferNetworkTest.Recorder();
    DataTransferNetworkTest.Recorder flooder = new DataTransferNetworkTest.Recorder();
    node(PROVIDER, provider);
    node(FLOODER, flooder);
    DataTransferNetwork client = node(CLIENT, new DataTransferNetworkTest.Recorder());
    ByteArrayOutputStream flood = new ByteArrayOutputStream();
    for (int i = 0; i < FLOOD; i++) {
      flood.writeBytes(MessageCodec.encode(pull(i), ProtocolVersion.V1_1));
    }
    InMemoryNetwork.MemoryStream flooding = streamFrom(FLOODER);

    flooding.write(ByteBuffer.wrap(flood.toByteArray()));
    for (int i = 0; i < 5; i++) {
      client.sendMessage(PROVIDER, pull(1_000_000 + i)).toCompletableFuture().join();
    }

    await().atMost(Duration.ofSeconds(10)).until(() -> flooding.wasReset);
    await().atMost(Duration.ofSeconds(10)).until(() -> provider.messages.size() >= 5 + 20);
    assertThat(provider.errors)
        .singleElement()
        .isInstanceOf(RequestFloodException.class)
        .asString()
        .contains(FLOODER.toString(), "reset for 60 s");
    // the burst, what the rate refilled while the flood was read, and the client's five
    assertThat(provider.messages.size()).isLessThan(FLOOD / 10);
    InMemoryNetwork.MemoryStream again = streamFrom(FLOODER);
    await().atMost(Duration.ofSeconds(10)).until(() -> again.wasReset);
    assertThat(network.host(PROVIDER).disconnects).containsExactly(FLOODER);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> flooder.messages.size() == RequestLimiter.ANSWERED_DROPS);
    assertThat(flooder.messages)
        .allSatisfy(
            m ->
                assertThat(m)
                    .isInstanceOfSatisfying(
                        TransferResponse.class, r -> assertThat(r.accepted()).isFalse()));
  }
}
