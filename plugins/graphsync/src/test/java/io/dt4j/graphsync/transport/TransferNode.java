package io.dt4j.graphsync.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.ChannelId;
import io.dt4j.api.Event;
import io.dt4j.api.EventCode;
import io.dt4j.api.Status;
import io.dt4j.api.Subscription;
import io.dt4j.core.channels.InMemoryChannelStore;
import io.dt4j.core.manager.DataTransferManager;
import io.dt4j.core.manager.ManagerOptions;
import io.dt4j.core.messages.VersionedMessageCodec;
import io.dt4j.core.network.DataTransferNetwork;
import io.dt4j.core.network.NetworkOptions;
import io.dt4j.example.voucher.ExampleValidator;
import io.dt4j.example.voucher.ExampleVoucher;
import io.dt4j.example.voucher.ExampleVoucherResultType;
import io.dt4j.example.voucher.ExampleVoucherType;
import io.dt4j.graphsync.GraphsyncOptions;
import io.dt4j.graphsync.engine.GraphsyncEngine;
import io.dt4j.ipld.Blockstore;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Selectors;
import io.dt4j.libp2p.crypto.Ed25519PrivKey;
import io.dt4j.libp2p.host.HostConfig;
import io.dt4j.libp2p.host.Libp2pConnection;
import io.dt4j.libp2p.host.Libp2pHost;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.awaitility.Awaitility;

/**
 * One data-transfer node of the transport's scenarios: a real libp2p host on loopback, a graphsync
 * engine with the {@link GraphsyncTransport} on it, dt-net, an in-memory channel store and a
 * started {@link DataTransferManager} with the example voucher plugin's types and validator. It
 * records every event per channel.
 */
final class TransferNode implements AutoCloseable {
  /** A voucher the example validator accepts. */
  static final ExampleVoucher VOUCHER = new ExampleVoucher("deal-1", 1L << 40);

  private static final SecureRandom RANDOM = new SecureRandom();

  final String name;
  final Blockstore blocks;
  final Libp2pHost host;
  final GraphsyncTransport transport;
  final DataTransferManager manager;
  private final Map<ChannelId, List<EventCode>> events = new ConcurrentHashMap<>();
  private final Map<ChannelId, Status> statuses = new ConcurrentHashMap<>();
  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
  private final ExecutorService dispatch = Executors.newCachedThreadPool();
  private final Subscription subscription;

  TransferNode(String name, Blockstore blocks) throws Exception {
    this(name, blocks, GraphsyncOptions.defaults());
  }

  TransferNode(String name, Blockstore blocks, GraphsyncOptions options) throws Exception {
    this.name = name;
    this.blocks = blocks;
    this.host =
        new Libp2pHost(
            HostConfig.defaults(Ed25519PrivKey.generate(RANDOM))
                .withListenAddresses(List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"))));
    host.listen().toCompletableFuture().get(10, TimeUnit.SECONDS);
    this.transport =
        new GraphsyncTransport(
            GraphsyncEngine.start(host, blocks, options), VersionedMessageCodec.INSTANCE);
    DataTransferNetwork network =
        new DataTransferNetwork(
            host,
            NetworkOptions.DEFAULT,
            scheduler,
            dispatch,
            RandomGenerator.of("L64X128MixRandom"));
    InMemoryChannelStore store = new InMemoryChannelStore();
    this.manager = new DataTransferManager(ManagerOptions.of(network, transport, store));
    manager.registerVoucherType(new ExampleVoucherType(), new ExampleValidator());
    manager.registerVoucherResultType(new ExampleVoucherResultType());
    this.subscription = manager.subscribeToEvents(this::record);
    manager.start().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private void record(Event event, io.dt4j.api.ChannelState state) {
    events.computeIfAbsent(state.channelId(), c -> new CopyOnWriteArrayList<>()).add(event.code());
    statuses.put(state.channelId(), state.status());
  }

  /** Tells each node where the other listens. */
  void knows(TransferNode other) {
    host.addAddress(other.host.peerId(), other.host.listenAddresses().get(0));
    other.host.addAddress(host.peerId(), host.listenAddresses().get(0));
  }

  /** Waits (at most a minute) until the channel's status is {@code status}. */
  void awaitStatus(ChannelId channelId, Status status) {
    Awaitility.await(name + " reaches " + status + " on " + channelId)
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(manager.transferChannelStatus(channelId))
                    .as("%s after %s: %s", name, events(channelId), messageOf(channelId))
                    .isEqualTo(status));
  }

  private String messageOf(ChannelId channelId) {
    try {
      return manager.channelState(channelId).message();
    } catch (Exception e) {
      return e.toString();
    }
  }

  /** Waits (at most ten minutes, polling often) until the channel is Completed; for timing. */
  void awaitCompletion(ChannelId channelId) {
    Awaitility.await(name + " completes " + channelId)
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(2))
        .until(() -> manager.transferChannelStatus(channelId) == Status.COMPLETED);
  }

  /** Opens a pull of the whole DAG under {@code root} from {@code sender}. */
  ChannelId pull(TransferNode sender, Cid root) throws Exception {
    return manager
        .openPullDataChannel(sender.host.peerId(), VOUCHER, root, Selectors.EXPLORE_ALL)
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  /** Opens a push of the whole DAG under {@code root} to {@code recipient}. */
  ChannelId push(TransferNode recipient, Cid root) throws Exception {
    return manager
        .openPushDataChannel(recipient.host.peerId(), VOUCHER, root, Selectors.EXPLORE_ALL)
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
  }

  /** Drops the connections to {@code other}, as a network fault or a killed peer would. */
  void dropConnectionsTo(TransferNode other) {
    host.connections(other.host.peerId()).forEach(Libp2pConnection::close);
  }

  /** Restarts a channel ({@code RestartDataTransferChannel}) and waits for the call. */
  void restart(ChannelId channelId) throws Exception {
    manager.restartDataTransferChannel(channelId).toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** The event codes of a channel so far, in order. */
  List<EventCode> events(ChannelId channelId) {
    return new ArrayList<>(events.getOrDefault(channelId, List.of()));
  }

  /** The status after the last event of a channel, or null. */
  Status status(ChannelId channelId) {
    return statuses.get(channelId);
  }

  @Override
  public void close() throws Exception {
    try {
      subscription.close();
      manager.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
      host.close();
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
