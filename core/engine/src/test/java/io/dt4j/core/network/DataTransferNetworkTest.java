package io.dt4j.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.dt4j.api.MessageType;
import io.dt4j.api.PeerId;
import io.dt4j.api.TransferId;
import io.dt4j.api.TransferMessage;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TransferResponse;
import io.dt4j.core.messages.MessageCodec;
import io.dt4j.core.messages.ProtocolVersion;
import io.dt4j.core.messages.UnsupportedByVersionException;
import io.dt4j.ipld.Multihash;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DataTransferNetworkTest {
  private static final PeerId ALICE = peer("alice");
  private static final PeerId BOB = peer("bob");

  /** data-transfer.md §3.2 S1, S2, S4, S6 in 1.1. */
  private static final List<String> VECTORS =
      List.of(
          "a36449735271f56752657175657374aa6442436964d82a58250001551220b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde96454797065006450617573f46450617274f46450756c6cf56453746f72a16152a2616ca1646e6f6e65a0623a3ea16161a1613ea16140a065566f756368816568656c6c6f64565479706a46616b6544545479706566586665724944016e526573746172744368616e6e656c8360600068526573706f6e7365f6",
          "a36449735271f46752657175657374f668526573706f6e7365a66454797065036441637074f56450617573f466586665724944016456526573f6645654797060");

  private final InMemoryNetwork network = new InMemoryNetwork();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
  private final ExecutorService dispatch = Executors.newFixedThreadPool(2);
  private final Recorder bobReceived = new Recorder();
  private final NetworkOptions fast =
      new NetworkOptions(
          Duration.ofMillis(500),
          Duration.ofSeconds(2),
          5,
          Duration.ofMillis(10),
          Duration.ofMillis(100),
          2,
          false,
          Duration.ofMillis(300),
          1 << 20);

  static PeerId peer(String seed) {
    return PeerId.fromBytes(Multihash.sha256(seed.getBytes(StandardCharsets.UTF_8)).toBytes());
  }

  /** Records what arrives. */
  static final class Recorder implements MessageReceiver {
    final List<TransferMessage> messages = new CopyOnWriteArrayList<>();
    final List<String> kinds = new CopyOnWriteArrayList<>();
    final List<Exception> errors = new CopyOnWriteArrayList<>();

    @Override
    public void receiveRequest(PeerId from, TransferRequest request) {
      messages.add(request);
      kinds.add("request");
    }

    @Override
    public void receiveRestartExistingChannelRequest(PeerId from, TransferRequest request) {
      messages.add(request);
      kinds.add("restart-existing");
    }

    @Override
    public void receiveResponse(PeerId from, TransferResponse response) {
      messages.add(response);
      kinds.add("response");
    }

    @Override
    public void receiveError(PeerId from, Exception error) {
      errors.add(error);
    }
  }

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
    dispatch.shutdownNow();
    network.close();
  }

  private DataTransferNetwork node(PeerId id, MessageReceiver receiver) {
    DataTransferNetwork node =
        new DataTransferNetwork(
            network.host(id), fast, scheduler, dispatch, RandomGenerator.of("L64X128MixRandom"));
    node.start(receiver);
    return node;
  }

  @Test
  void everyMessageKindArrivesOn11AndIsDispatchedByKind() throws Exception {
    DataTransferNetwork alice = node(ALICE, new Recorder());
    node(BOB, bobReceived);
    List<TransferMessage> sent =
        List.of(
            decode(VECTORS.get(0)),
            decode(VECTORS.get(1)),
            new TransferRequest(
                MessageType.RESTART_EXISTING_CHANNEL_REQUEST,
                new TransferId(0),
                Optional.empty(),
                false,
                false,
                Optional.empty(),
                Optional.empty(),
                Optional.of(new io.dt4j.api.ChannelId(ALICE, BOB, new TransferId(9)))));

    for (TransferMessage m : sent) {
      alice.sendMessage(BOB, m).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    await().atMost(Duration.ofSeconds(5)).until(() -> bobReceived.messages.size() == 3);
    assertThat(bobReceived.messages).containsExactlyInAnyOrderElementsOf(sent);
    assertThat(bobReceived.kinds)
        .containsExactlyInAnyOrder("request", "response", "restart-existing");
  }

  @Test
  void aPeerThatOnlySpeaks10GetsThe10EncodingAndNoRestarts() throws Exception {
    DataTransferNetwork alice = node(ALICE, new Recorder());
    node(BOB, bobReceived);
    network.host(BOB).removeStreamHandler(ProtocolVersion.V1_1.protocolId());

    alice.sendMessage(BOB, decode(VECTORS.get(0))).toCompletableFuture().get(5, TimeUnit.SECONDS);

    await().atMost(Duration.ofSeconds(5)).until(() -> bobReceived.messages.size() == 1);
    assertThat(bobReceived.messages.get(0)).isEqualTo(decode(VECTORS.get(0)));
    TransferRequest restart =
        new TransferRequest(
            MessageType.RESTART_EXISTING_CHANNEL_REQUEST,
            new TransferId(0),
            Optional.empty(),
            false,
            false,
            Optional.empty(),
            Optional.empty(),
            Optional.of(new io.dt4j.api.ChannelId(ALICE, BOB, new TransferId(9))));
    assertThatThrownBy(() -> alice.sendMessage(BOB, restart).toCompletableFuture().join())
        .hasCauseInstanceOf(UnsupportedByVersionException.class);
  }

  @Test
  void sendingToAPeerThatIsDownRetriesWithBackoffThenFailsNamingThePeer() {
    DataTransferNetwork alice = node(ALICE, new Recorder());
    node(BOB, bobReceived);
    network.host(BOB).down = true;
    long start = System.nanoTime();

    assertThatThrownBy(
            () ->
                alice
                    .sendMessage(BOB, decode(VECTORS.get(1)))
                    .toCompletableFuture()
                    .get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(SendFailedException.class)
        .hasMessageContaining("exhausted 5 attempts but failed to open stream to " + BOB);

    assertThat(network.host(ALICE).streamsOpened.get()).isEqualTo(5);
    // back-offs without jitter: 10 + 20 + 40 + 80 ms
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(150));
  }

  @Test
  void backoffFollowsGoDataTransfer() {
    NetworkOptions go = NetworkOptions.DEFAULT;

    assertThat(go.backoff(0, 0.5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(go.backoff(1, 0.0)).isEqualTo(Duration.ofSeconds(1));
    assertThat(go.backoff(1, 0.999)).isBetween(Duration.ofMillis(4990), Duration.ofSeconds(5));
    assertThat(go.backoff(3, 0.999)).isBetween(Duration.ofSeconds(124), Duration.ofSeconds(125));
    assertThat(go.backoff(9, 0.999)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void malformedBytesResetTheStreamAndLaterMessagesStillArrive() throws Exception {
    DataTransferNetwork alice = node(ALICE, new Recorder());
    node(BOB, bobReceived);
    var stream =
        (InMemoryNetwork.MemoryStream)
            network
                .host(ALICE)
                .newStream(BOB, DataTransferNetwork.PROTOCOLS)
                .toCompletableFuture()
                .join();

    stream.write(ByteBuffer.wrap(HexFormat.of().parseHex("a3ff00")));

    await().atMost(Duration.ofSeconds(5)).until(() -> bobReceived.errors.size() == 1);
    assertThat(stream.wasReset).isTrue();
    assertThat(bobReceived.messages).isEmpty();
    alice.sendMessage(BOB, decode(VECTORS.get(1))).toCompletableFuture().get(5, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(5)).until(() -> bobReceived.messages.size() == 1);
  }

  @Test
  void severalMessagesOnOneStreamArriveInOrderAndASilentStreamIsReset() throws Exception {
    node(BOB, bobReceived);
    var stream =
        (InMemoryNetwork.MemoryStream)
            network
                .host(ALICE)
                .newStream(BOB, DataTransferNetwork.PROTOCOLS)
                .toCompletableFuture()
                .join();
    byte[] one = HexFormat.of().parseHex(VECTORS.get(0));
    byte[] two = HexFormat.of().parseHex(VECTORS.get(1));
    ByteBuffer both = ByteBuffer.allocate(one.length + two.length).put(one).put(two).flip();

    // split across writes at an odd place, as a network would
    stream.write(both.slice(0, 7));
    stream.write(both.slice(7, both.limit() - 7));

    await().atMost(Duration.ofSeconds(5)).until(() -> bobReceived.messages.size() == 2);
    assertThat(bobReceived.kinds).containsExactly("request", "response");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> stream.wasReset && !bobReceived.errors.isEmpty());
    assertThat(bobReceived.errors).singleElement().asString().contains("silent");
  }

  private static TransferMessage decode(String hex) {
    try {
      return MessageCodec.decode(HexFormat.of().parseHex(hex), ProtocolVersion.V1_1);
    } catch (Exception e) {
      throw new CompletionException(e);
    }
  }
}
