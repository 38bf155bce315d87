package io.dt4j.core.manager;

import io.dt4j.api.ChannelId;
import io.dt4j.api.DuplicateRegistrationException;
import io.dt4j.api.PauseableTransport;
import io.dt4j.api.PeerId;
import io.dt4j.api.Subscription;
import io.dt4j.api.TransferId;
import io.dt4j.core.channels.ChannelStore;
import io.dt4j.core.manager.monitor.MonitorConfig;
import io.dt4j.core.messages.ProtocolVersion;
import io.dt4j.core.network.DataTransferNetwork;
import io.dt4j.core.network.NetworkOptions;
import io.dt4j.core.testing.LoopbackTransportHub;
import io.dt4j.ipld.Blockstore;
import io.dt4j.libp2p.crypto.Ed25519PrivKey;
import io.dt4j.libp2p.host.HostConfig;
import io.dt4j.libp2p.host.Libp2pHost;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * One node of a scenario: a real libp2p host on loopback for dt-net, a transport from the loopback
 * hub for data, a channel store, a blockstore, and a started manager with the test voucher types,
 * the {@link ScriptedValidator} and the {@link ScriptedRevalidator} registered. A node can be
 * restarted like a process: same identity, store and blockstore, new host, transport and manager.
 */
final class ScenarioNode implements AutoCloseable {
  /** Long enough for any scripted validator but one that hangs on purpose. */
  static final java.time.Duration VALIDATOR_TIMEOUT = java.time.Duration.ofSeconds(3);

  /** Short network timeouts, so that a peer that is gone is noticed within seconds. */
  static final NetworkOptions NETWORK =
      new NetworkOptions(
          Duration.ofSeconds(2),
          Duration.ofSeconds(5),
          2,
          Duration.ofMillis(100),
          Duration.ofSeconds(1),
          2,
          false,
          Duration.ofSeconds(30),
          4 << 20);

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final AtomicLong CLOCK_SEED = new AtomicLong(1_700_000_000L);

  final String name;
  final Ed25519PrivKey key;
  final Blockstore blocks;
  final ScriptedValidator validator = new ScriptedValidator();
  final ScriptedRevalidator revalidator = new ScriptedRevalidator();
  private final LoopbackTransportHub hub;
  private final Supplier<ChannelStore> storeOpener;
  private final Optional<MonitorConfig> monitor;
  private final List<ProtocolVersion> versions;
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
  private final ExecutorService dispatch = Executors.newCachedThreadPool();

  Libp2pHost host;
  ChannelStore store;
  PauseableTransport transport;
  DataTransferManager manager;
  EventLog events;
  private Subscription subscription;
  private int maxChannelsPerPeer = ManagerOptions.DEFAULT_MAX_CHANNELS_PER_PEER;
  private long firstTransferId;
  private long opened;

  ScenarioNode(
      String name,
      LoopbackTransportHub hub,
      Blockstore blocks,
      Supplier<ChannelStore> storeOpener,
      Optional<MonitorConfig> monitor,
      List<ProtocolVersion> versions) {
    this.name = name;
    this.key = Ed25519PrivKey.generate(RANDOM);
    this.hub = hub;
    this.blocks = blocks;
    this.storeOpener = storeOpener;
    this.monitor = monitor;
    this.versions = versions;
  }

  PeerId peerId() {
    return host.peerId();
  }

  /** Sets the channels one peer may have open with this node; call before {@link #start()}. */
  ScenarioNode maxChannelsPerPeer(int value) {
    maxChannelsPerPeer = value;
    return this;
  }

  /** Starts the node's host, transport and manager. */
  ScenarioNode start() throws Exception {
    host = listeningHost();
    transport = hub.attach(host.peerId(), blocks);
    return boot();
  }

  /**
   * Restarts the node like a process that died and came back: its transport is replaced (the hub
   * ends its requests as on a lost connection; the old manager hears nothing more), the old
   * manager, host and store go away, and a new manager starts on the same store file, blockstore
   * and identity, with a new host.
   */
  void restartProcess() throws Exception {
    PauseableTransport fresh = hub.attach(peerId(), blocks);
    crash();
    host = listeningHost();
    transport = fresh;
    boot();
  }

  private Libp2pHost listeningHost() throws Exception {
    Libp2pHost fresh =
        new Libp2pHost(
            HostConfig.defaults(key)
                .withListenAddresses(List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"))));
    fresh.listen().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return fresh;
  }

  private ScenarioNode boot() throws Exception {
    store = storeOpener.get();
    DataTransferNetwork network =
        new DataTransferNetwork(
            host, NETWORK, scheduler, dispatch, RandomGenerator.of("L64X128MixRandom"), versions);
    long seconds = CLOCK_SEED.getAndAdd(1000);
    firstTransferId = seconds * 1_000_000_000L;
    opened = 0;
    Clock clock = Clock.fixed(Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
    ManagerOptions options =
        ManagerOptions.of(network, transport, store)
            .withClock(clock)
            .withValidatorTimeout(VALIDATOR_TIMEOUT)
            .withMaxChannelsPerPeer(maxChannelsPerPeer);
    manager = new DataTransferManager(monitor.map(options::withMonitor).orElse(options));
    register(manager);
    events = new EventLog();
    subscription = manager.subscribeToEvents(events);
    manager.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
    return this;
  }

  private void register(DataTransferManager m) throws DuplicateRegistrationException {
    m.registerVoucherType(new TestVouchers.VoucherCodec(), validator);
    m.registerRevalidator(new TestVouchers.VoucherCodec(), revalidator);
    m.registerVoucherResultType(new TestVouchers.ResultCodec());
  }

  /** The id the next channel this node opens to {@code to} will have (the clock is fixed). */
  ChannelId nextChannelTo(ScenarioNode to) {
    return new ChannelId(peerId(), to.peerId(), new TransferId(firstTransferId + opened));
  }

  /** Counts a channel this node opened, for {@link #nextChannelTo}. */
  void opened() {
    opened++;
  }

  /** Tells this node's host where {@code other} listens. */
  void knows(ScenarioNode other) {
    host.addAddress(other.peerId(), other.host.listenAddresses().get(0));
  }

  /** Stops the manager and the host and closes the store, as a process that ends. */
  void crash() throws Exception {
    subscription.close();
    manager.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
    host.close();
    store.close();
  }

  @Override
  public void close() throws Exception {
    try {
      crash();
    } finally {
      scheduler.shutdownNow();
      dispatch.shutdownNow();
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
