package io.dt4j.core.testing;

import static org.awaitility.Awaitility.await;

import io.dt4j.api.ChannelId;
import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.HandlerAlreadySetException;
import io.dt4j.api.MessageType;
import io.dt4j.api.PauseableTransport;
import io.dt4j.api.PeerId;
import io.dt4j.api.TransferId;
import io.dt4j.api.TransferMessage;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TransferResponse;
import io.dt4j.api.TypeIdentifier;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.Multihash;
import io.dt4j.ipld.Selectors;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionFactory;

/**
 * Two nodes on a hub: Alice receives, Bob holds the DAG and sends. Pull channels are Alice's (she
 * initiates), push channels Bob's; either way Alice's transport opens the request.
 */
final class TwoNodes implements AutoCloseable {
  static final PeerId ALICE = peer("alice");
  static final PeerId BOB = peer("bob");
  static final EncodedVoucher VOUCHER =
      new EncodedVoucher(TypeIdentifier.of("test/Voucher"), new byte[] {(byte) 0x80});

  final TestDag dag;
  final LoopbackTransportHub hub = new LoopbackTransportHub();
  final List<RecordingHandler.Call> journal = new CopyOnWriteArrayList<>();
  final InMemoryBlockstore aliceStore = new InMemoryBlockstore();
  final PauseableTransport alice;
  final PauseableTransport bob;
  final RecordingHandler aliceHandler = new RecordingHandler(ALICE, journal);
  final RecordingHandler bobHandler = new RecordingHandler(BOB, journal);

  TwoNodes(TestDag dag) throws HandlerAlreadySetException {
    this.dag = dag;
    alice = hub.attach(ALICE, aliceStore);
    bob = hub.attach(BOB, dag.store());
    alice.setEventHandler(aliceHandler);
    bob.setEventHandler(bobHandler);
  }

  static PeerId peer(String seed) {
    return PeerId.fromBytes(Multihash.sha256(seed.getBytes(StandardCharsets.UTF_8)).toBytes());
  }

  static ChannelId pullChannel(long id) {
    return new ChannelId(ALICE, BOB, new TransferId(id));
  }

  static ChannelId pushChannel(long id) {
    return new ChannelId(BOB, ALICE, new TransferId(id));
  }

  static ConditionFactory waiting() {
    return await().atMost(RecordingHandler.PATIENCE).pollInterval(Duration.ofMillis(5));
  }

  TransferRequest pullRequest(MessageType type, ChannelId chid) {
    return new TransferRequest(
        type,
        chid.id(),
        Optional.of(dag.root()),
        false,
        true,
        Optional.of(Selectors.EXPLORE_ALL),
        Optional.of(VOUCHER),
        Optional.empty());
  }

  static TransferRequest update(ChannelId chid, boolean paused) {
    return new TransferRequest(
        MessageType.UPDATE,
        chid.id(),
        Optional.empty(),
        paused,
        false,
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  static TransferResponse response(
      MessageType type, ChannelId chid, boolean accepted, boolean paused) {
    return new TransferResponse(type, chid.id(), accepted, paused, Optional.empty());
  }

  /** Alice asks Bob for the whole DAG, carrying {@code message}. */
  CompletionStage<Void> open(ChannelId chid, Set<Cid> doNotSend, TransferMessage message) {
    return alice.openChannel(BOB, chid, dag.root(), Selectors.EXPLORE_ALL, doNotSend, message);
  }

  /** Alice opens a pull with a New request that Bob answers with an accepting New response. */
  void openAcceptedPull(ChannelId chid) throws Exception {
    bobHandler.replyWith(response(MessageType.NEW, chid, true, false));
    join(open(chid, Set.of(), pullRequest(MessageType.NEW, chid)));
  }

  /** Opens an accepted pull and waits until its data is held after {@code blocks} blocks. */
  BlockGate openAcceptedPullHeldAfter(ChannelId chid, int blocks) throws Exception {
    BlockGate gate = hub.holdAfter(chid, blocks);
    openAcceptedPull(chid);
    gate.awaitHeld(RecordingHandler.PATIENCE);
    return gate;
  }

  static void join(CompletionStage<?> stage) throws Exception {
    stage.toCompletableFuture().get(RecordingHandler.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Checks that no more blocks move on the channel for a while (the pump stopped). */
  void assertStaysAt(ChannelId chid, long blocks) {
    await()
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> hub.blocksOnWire(chid) == blocks);
  }

  /** Returns "alice onDataReceived"-style lines of the journal, for order assertions. */
  List<String> journalLines() {
    return journal.stream()
        .map(call -> (call.peer().equals(ALICE) ? "alice " : "bob ") + call.hook())
        .toList();
  }

  @Override
  public void close() {
    hub.close();
  }
}
