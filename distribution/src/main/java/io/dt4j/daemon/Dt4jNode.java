package io.dt4j.daemon;

import io.dt4j.api.PeerId;
import io.dt4j.api.TransportFactory;
import io.dt4j.api.VoucherType;
import io.dt4j.core.channels.StoreProblem;
import io.dt4j.core.channels.store.MvStoreChannelStore;
import io.dt4j.core.messages.ProtocolVersion;
import io.dt4j.core.network.DataTransferNetwork;
import io.dt4j.core.network.NetworkOptions;
import io.dt4j.core.plugins.PluginHost;
import io.dt4j.core.plugins.PluginHostOptions;
import io.dt4j.core.plugins.PluginLoadError;
import io.dt4j.core.plugins.PluginLoadException;
import io.dt4j.ipld.blockstore.FileBlockstore;
import io.dt4j.libp2p.crypto.KeyFile;
import io.dt4j.libp2p.crypto.KeyFileException;
import io.dt4j.libp2p.crypto.PrivKey;
import io.dt4j.libp2p.host.HostConfig;
import io.dt4j.libp2p.host.Libp2pConnection;
import io.dt4j.libp2p.host.Libp2pHost;
import io.dt4j.libp2p.host.PeerAddressFile;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import io.dt4j.libp2p.protocols.Identify;
import io.dt4j.libp2p.protocols.Ping;
import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running dt4j node: it owns, under its home, the lock, the identity key, the plugins, the block
 * store, the channel store, the libp2p host and the data-transfer network, and exposes the channels
 * as {@link Transfers}. The daemon serves it over the admin API; tests and {@code dt4j demo} start
 * it directly. {@link #close()} stops everything in reverse order.
 */
public final class Dt4jNode implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Dt4jNode.class);
  private static final Duration LISTEN_TIMEOUT = Duration.ofSeconds(10);

  /** Bounds of {@code data/peers.txt}: the peers last given a new address, a few addresses each. */
  private static final int MAX_REMEMBERED_PEERS = 1000;

  private static final int MAX_REMEMBERED_ADDRESSES = 8;

  private final NodeConfig config;
  private final TransfersFactory transfersFactory;
  private final Deque<AutoCloseable> parts = new ArrayDeque<>();
  private PluginHost plugins;
  private FileBlockstore blockstore;
  private Libp2pHost host;
  private List<Multiaddr> addresses = List.of();
  private Transfers transfers;
  private VoucherTypes voucherTypes;
  private Optional<TransportFactory> transport = Optional.empty();
  private final AtomicBoolean closed = new AtomicBoolean();

  private Dt4jNode(NodeConfig config, TransfersFactory transfersFactory) {
    this.config = config;
    this.transfersFactory = transfersFactory;
  }

  /**
   * Starts a node.
   *
   * @param config what to start with
   * @return the running node
   * @throws DaemonRunningException if another daemon runs on the home
   * @throws SettingsException if a configured folder does not exist
   * @throws NodeStartException if a part cannot start
   */
  public static Dt4jNode start(NodeConfig config) {
    return start(config, TransfersFactory.MANAGER);
  }

  /**
   * Starts a node whose channels come from a given factory.
   *
   * @param config what to start with
   * @param transfersFactory makes the node's transfers once the other parts run
   * @return the running node
   * @throws DaemonRunningException if another daemon runs on the home
   * @throws SettingsException if a configured folder does not exist
   * @throws NodeStartException if a part cannot start
   */
  public static Dt4jNode start(NodeConfig config, TransfersFactory transfersFactory) {
    Dt4jNode node = new Dt4jNode(config, transfersFactory);
    try {
      node.startParts();
      return node;
    } catch (RuntimeException e) {
      node.close();
      throw e;
    }
  }

  private void startParts() {
    Dt4jHome home = config.home();
    createFolder(home.home());
    try {
      parts.push(DaemonLock.acquire(home));
    } catch (java.io.UncheckedIOException e) {
      throw new NodeStartException(e.getMessage(), e);
    }
    PrivKey identity = identity();
    plugins = startPlugins();
    parts.push(plugins);
    voucherTypes = new VoucherTypes(voucherTypesOf(plugins));
    transport =
        plugins.extensions(TransportFactory.class).stream()
            .filter(factory -> factory.name().equals(config.transport()))
            .findFirst();
    blockstore = openBlockstore();
    parts.push(blockstore);
    MvStoreChannelStore store = openChannelStore();
    parts.push(store);
    host =
        new Libp2pHost(
            HostConfig.defaults(identity)
                .withListenAddresses(config.listen())
                .withAnnounceAddresses(config.announce()));
    parts.push(host);
    // a node restarted on its home dials the peers of its unfinished channels
    parts.push(
        PeerAddressFile.attach(
            config.home().peerAddressesFile(),
            host.addressBook(),
            MAX_REMEMBERED_PEERS,
            MAX_REMEMBERED_ADDRESSES));
    Identify.install(host, Identify.defaultAgentVersion());
    Ping.install(host);
    addresses = await(host.listen(), "listen on " + config.listen());
    DataTransferNetwork network = startNetwork();
    parts.push(network);
    transfers = transfersFactory.create(this, store, network);
    parts.push(transfers);
  }

  private PrivKey identity() {
    try {
      return KeyFile.loadOrGenerate(config.home().identityKey(), new SecureRandom());
    } catch (KeyFileException e) {
      throw new NodeStartException(e.getMessage(), e);
    }
  }

  private PluginHost startPlugins() {
    if (!Files.isDirectory(config.pluginsDir())) {
      if (config.pluginsDirChosen()) {
        throw new SettingsException("plugins directory not found: " + config.pluginsDir());
      }
      createFolder(config.pluginsDir());
    }
    PluginsDirectory.writableByOthers(config.pluginsDir()).ifPresent(LOG::warn);
    try {
      PluginHost started =
          PluginHost.start(PluginHostOptions.of(config.pluginsDir(), config.pluginsStrict()));
      for (PluginLoadError error : started.errors()) {
        LOG.warn("plugin error: {}", error);
      }
      return started;
    } catch (PluginLoadException e) {
      throw new NodeStartException(
          e.errors().size()
              + " plugin error(s) and plugins.strict=true, first: "
              + e.errors().get(0),
          e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static List<VoucherType<?>> voucherTypesOf(PluginHost plugins) {
    return (List) plugins.extensions(VoucherType.class);
  }

  private FileBlockstore openBlockstore() {
    try {
      return FileBlockstore.open(
          config.home().blocksDir(), false, config.storeFsync(), config.storeDirectIo());
    } catch (IOException e) {
      throw new NodeStartException(
          "cannot open the block store " + config.home().blocksDir() + ": " + e.getMessage(), e);
    }
  }

  private MvStoreChannelStore openChannelStore() {
    try {
      MvStoreChannelStore store =
          MvStoreChannelStore.open(
              config.home().dataDir(), new MvStoreChannelStore.Options(config.storeFsync()));
      for (StoreProblem problem : store.problems()) {
        LOG.warn("channel store: {}", problem);
      }
      return store;
    } catch (RuntimeException e) {
      throw new NodeStartException(
          "cannot open the channel store in " + config.home().dataDir() + ": " + e.getMessage(), e);
    }
  }

  private DataTransferNetwork startNetwork() {
    ScheduledExecutorService scheduler =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("dt4j-network-timer"));
    ExecutorService dispatch = Executors.newFixedThreadPool(4, DaemonThreads.named("dt4j-network"));
    parts.push(() -> shutdown(scheduler, dispatch));
    return new DataTransferNetwork(
        host,
        NetworkOptions.DEFAULT,
        scheduler,
        dispatch,
        new SplittableRandom(),
        List.of(ProtocolVersion.V1_1, ProtocolVersion.V1_0),
        config.limits().requests());
  }

  /** Returns this node's peer id. */
  public PeerId peerId() {
    return host.peerId();
  }

  /** Returns the addresses the node listens on, each with {@code /p2p/<peer id>}. */
  public List<Multiaddr> addresses() {
    return addresses;
  }

  /** Returns what the node was started with. */
  public NodeConfig config() {
    return config;
  }

  /** Returns the node's libp2p host. */
  public Libp2pHost host() {
    return host;
  }

  /** Returns the node's block store. */
  public FileBlockstore blockstore() {
    return blockstore;
  }

  /** Returns the plugins the node loaded. */
  public PluginHost plugins() {
    return plugins;
  }

  /** Returns the voucher types of the plugins. */
  public VoucherTypes voucherTypes() {
    return voucherTypes;
  }

  /** Returns the configured transport, if a plugin contributes it. */
  public Optional<TransportFactory> transport() {
    return transport;
  }

  /** Returns the node's channels. */
  public Transfers transfers() {
    return transfers;
  }

  /**
   * Connects to a peer.
   *
   * @param address the peer's address, ending in {@code /p2p/<peer id>}
   * @return completes with the peer's id once connected
   */
  public CompletionStage<PeerId> connect(Multiaddr address) {
    return host.connect(address).thenApply(Libp2pConnection::remotePeer);
  }

  /** Returns the connected peers, one entry per peer. */
  public List<PeerConnection> peers() {
    return host.connectedPeers().stream()
        .sorted()
        .flatMap(peer -> host.connections(peer).stream().filter(Libp2pConnection::isOpen).limit(1))
        .map(
            c ->
                new PeerConnection(
                    c.remotePeer().toString(),
                    c.remoteAddress().toString(),
                    c.isInitiator() ? "outbound" : "inbound",
                    c.muxerId(),
                    host.addressBook().get(c.remotePeer()).agentVersion().orElse(null)))
        .toList();
  }

  /** Stops the transfers, the network, the host and the stores, then releases the home. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    while (!parts.isEmpty()) {
      AutoCloseable part = parts.pop();
      try {
        part.close();
      } catch (Exception e) {
        LOG.warn("stopping {}: {}", part.getClass().getSimpleName(), e.toString());
      }
    }
  }

  private static <T> T await(CompletionStage<T> stage, String what) {
    try {
      return stage.toCompletableFuture().get(LISTEN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new NodeStartException("cannot " + what + ": " + cause.getMessage(), cause);
    } catch (TimeoutException e) {
      throw new NodeStartException("cannot " + what + ": timed out", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NodeStartException("interrupted while trying to " + what, e);
    }
  }

  private static void createFolder(java.nio.file.Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new NodeStartException("cannot create " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void shutdown(ExecutorService... executors) throws InterruptedException {
    for (ExecutorService executor : executors) {
      executor.shutdownNow();
    }
    for (ExecutorService executor : executors) {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    }
  }
}
