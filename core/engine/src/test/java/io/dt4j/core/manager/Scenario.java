package io.dt4j.core.manager;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.ChannelId;
import io.dt4j.api.EventCode;
import io.dt4j.core.channels.ChannelStore;
import io.dt4j.core.channels.InMemoryChannelStore;
import io.dt4j.core.manager.TestVouchers.TestVoucher;
import io.dt4j.core.manager.monitor.MonitorConfig;
import io.dt4j.core.messages.ProtocolVersion;
import io.dt4j.core.testing.BlockGate;
import io.dt4j.core.testing.LoopbackTransportHub;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.Selectors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Two nodes — Alice, who initiates, and Bob, who responds — over real loopback libp2p for dt-net
 * and the loopback hub for data, with a DAG at whichever of them sends. The shared harness of the
 * manager's scenario tests.
 */
final class Scenario implements AutoCloseable {
  final LoopbackTransportHub hub = new LoopbackTransportHub();
  final Direction direction;
  final ScenarioDag dag;
  final ScenarioNode alice;
  final ScenarioNode bob;

  /** How to build a scenario. */
  static final class Setup {
    private final Direction direction;
    private int chunks = 24;
    private Supplier<ChannelStore> aliceStore = InMemoryChannelStore::new;
    private Optional<MonitorConfig> aliceMonitor = Optional.empty();
    private List<ProtocolVersion> bobVersions = List.of(ProtocolVersion.V1_1, ProtocolVersion.V1_0);
    private int bobMaxChannelsPerPeer = ManagerOptions.DEFAULT_MAX_CHANNELS_PER_PEER;

    Setup(Direction direction) {
      this.direction = direction;
    }

    Setup chunks(int value) {
      chunks = value;
      return this;
    }

    Setup aliceStore(Supplier<ChannelStore> value) {
      aliceStore = value;
      return this;
    }

    Setup aliceMonitor(MonitorConfig value) {
      aliceMonitor = Optional.of(value);
      return this;
    }

    Setup bobMaxChannelsPerPeer(int value) {
      bobMaxChannelsPerPeer = value;
      return this;
    }

    Setup bobSpeaksOnly10() {
      bobVersions = List.of(ProtocolVersion.V1_0);
      return this;
    }

    Scenario start() throws Exception {
      return new Scenario(this);
    }
  }

  static Setup of(Direction direction) {
    return new Setup(direction);
  }

  static Scenario start(Direction direction) throws Exception {
    return of(direction).start();
  }

  private Scenario(Setup setup) throws Exception {
    this.direction = setup.direction;
    this.dag = ScenarioDag.of(setup.chunks);
    InMemoryBlockstore aliceBlocks =
        direction.initiatorSends() ? dag.copyStore() : new InMemoryBlockstore();
    InMemoryBlockstore bobBlocks =
        direction.initiatorSends() ? new InMemoryBlockstore() : dag.copyStore();
    List<ProtocolVersion> both = List.of(ProtocolVersion.V1_1, ProtocolVersion.V1_0);
    this.alice =
        new ScenarioNode("alice", hub, aliceBlocks, setup.aliceStore, setup.aliceMonitor, both)
            .start();
    this.bob =
        new ScenarioNode(
                "bob",
                hub,
                bobBlocks,
                InMemoryChannelStore::new,
                Optional.empty(),
                setup.bobVersions)
            .maxChannelsPerPeer(setup.bobMaxChannelsPerPeer)
            .start();
    introduce();
  }

  /** Tells each host where the other listens (again after a node restarted). */
  void introduce() {
    alice.knows(bob);
    bob.knows(alice);
  }

  /** The channel Alice opens next. */
  ChannelId nextChannel() {
    return alice.nextChannelTo(bob);
  }

  /** Holds the data of Alice's next channel after {@code blocks} blocks. */
  BlockGate holdNextAfter(int blocks) {
    return hub.holdAfter(nextChannel(), blocks);
  }

  /** Alice opens a channel in the scenario's direction with a voucher for {@code deal}. */
  ChannelId open(String deal, long paid) throws Exception {
    ChannelId expected = nextChannel();
    TestVoucher voucher = new TestVoucher(deal, paid);
    ChannelId opened =
        (direction.initiatorSends()
                ? alice.manager.openPushDataChannel(
                    bob.peerId(), voucher, dag.root(), Selectors.EXPLORE_ALL)
                : alice.manager.openPullDataChannel(
                    bob.peerId(), voucher, dag.root(), Selectors.EXPLORE_ALL))
            .toCompletableFuture()
            .get(EventLog.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    alice.opened();
    assertThat(opened).isEqualTo(expected);
    return opened;
  }

  ChannelId open(String deal) throws Exception {
    return open(deal, 0);
  }

  /** Waits for an API call's stage; its failure is thrown as the ExecutionException. */
  static <T> T get(CompletionStage<T> stage) throws Exception {
    return stage.toCompletableFuture().get(EventLog.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  /**
   * Alice's events up to the responder's acceptance: a push is told by Bob's data request that it
   * was queued (§6.3); both record Bob's voucher result before Accept.
   */
  List<EventCode> aliceOpened() {
    return direction.initiatorSends()
        ? List.of(
            EventCode.OPEN,
            EventCode.TRANSFER_REQUEST_QUEUED,
            EventCode.NEW_VOUCHER_RESULT,
            EventCode.ACCEPT)
        : List.of(EventCode.OPEN, EventCode.NEW_VOUCHER_RESULT, EventCode.ACCEPT);
  }

  /** Alice's events once accepted without a pause (the New response also resumes the responder). */
  List<EventCode> aliceAccepted() {
    return Direction.seq(aliceOpened(), EventCode.RESUME_RESPONDER);
  }

  /** Bob's events when he accepts a request. */
  static List<EventCode> bobAccepted() {
    return List.of(EventCode.OPEN, EventCode.NEW_VOUCHER_RESULT, EventCode.ACCEPT);
  }

  /** Checks a whole transfer without incident: all blocks, then completion on both sides. */
  void assertCompleted(ChannelId channelId) {
    int n = dag.blocks();
    assertFlows(
        channelId,
        initiatorEndings(Direction.seq(aliceAccepted(), direction.initiatorData(n))),
        List.of(
            Direction.seq(
                bobAccepted(),
                direction.responderData(n),
                EventCode.COMPLETE,
                EventCode.CLEANUP_COMPLETE)));
    assertEveryBlockMovedOnce(channelId);
  }

  /** Alice for "initiator", Bob for "responder". */
  ScenarioNode canceller(String who) {
    return who.equals("initiator") ? alice : bob;
  }

  /** The node that receives the data. */
  ScenarioNode recipient() {
    return direction.initiatorSends() ? bob : alice;
  }

  /** Checks that every block arrived once, and was counted once, at the recipient. */
  void assertEveryBlockMovedOnce(ChannelId channelId) {
    assertThat(hub.deliveredCids(channelId)).containsExactlyInAnyOrderElementsOf(dag.order());
    for (var cid : dag.order()) {
      assertThat(recipient().blocks.has(cid)).as("block %s at the recipient", cid).isTrue();
    }
  }

  /** Waits until both sides ended, then checks each side's events against one of the flows. */
  void assertFlows(
      ChannelId channelId, List<List<EventCode>> aliceFlows, List<List<EventCode>> bobFlows) {
    alice.events.awaitEnd(channelId);
    bob.events.awaitEnd(channelId);
    assertFlow("Alice", alice.events.codes(channelId), aliceFlows);
    assertFlow("Bob", bob.events.codes(channelId), bobFlows);
  }

  /** Checks a node's events: exactly the one flow, or one of several valid ones. */
  static void assertFlow(String who, List<EventCode> actual, List<List<EventCode>> flows) {
    if (flows.size() == 1) {
      assertThat(actual).as(who + "'s events").containsExactlyElementsOf(flows.get(0));
    } else {
      assertThat(flows).as(who + "'s events are one of the valid flows").contains(actual);
    }
  }

  /**
   * The initiator's end of a transfer: in a push its transport finishes first; in a pull the
   * responder's Complete (on dt-net) and its own transport's end race, both orders are valid
   * (data-transfer.md §5.6).
   */
  List<List<EventCode>> initiatorEndings(List<EventCode> before) {
    List<List<EventCode>> flows = new ArrayList<>();
    flows.add(
        Direction.seq(
            before,
            EventCode.FINISH_TRANSFER,
            EventCode.RESPONDER_COMPLETES,
            EventCode.CLEANUP_COMPLETE));
    if (!direction.initiatorSends()) {
      flows.add(
          Direction.seq(
              before,
              EventCode.RESPONDER_COMPLETES,
              EventCode.FINISH_TRANSFER,
              EventCode.CLEANUP_COMPLETE));
    }
    return flows;
  }

  @Override
  public void close() throws Exception {
    try {
      alice.close();
      bob.close();
    } finally {
      hub.close();
    }
  }
}
