package io.dt4j.graphsync.engine;

import io.dt4j.api.PeerId;
import io.dt4j.api.Subscription;
import io.dt4j.api.host.ConnectionListener;
import io.dt4j.api.host.Host;
import io.dt4j.api.host.Stream;
import io.dt4j.graphsync.Graphsync;
import io.dt4j.graphsync.GraphsyncOptions;
import io.dt4j.graphsync.GraphsyncStats;
import io.dt4j.graphsync.RequestHandle;
import io.dt4j.graphsync.RequestListener;
import io.dt4j.graphsync.RequestNotFoundException;
import io.dt4j.graphsync.hooks.GraphsyncHooks;
import io.dt4j.graphsync.message.Extensions;
import io.dt4j.graphsync.message.NewRequest;
import io.dt4j.graphsync.network.Counters;
import io.dt4j.graphsync.network.InboundStreamReader;
import io.dt4j.graphsync.responder.ResponderPeer;
import io.dt4j.ipld.Blockstore;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Node;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A graphsync 1.0 node over a libp2p {@link Host}: serves {@value Graphsync#PROTOCOL_ID} from a
 * blockstore and sends requests whose verified blocks go into it. Each peer gets a {@link
 * PeerSession} on first contact, in either direction. Request ids count up from 0 for the whole
 * node, as in go-graphsync.
 *
 * <pre>{@code
 * Graphsync graphsync = GraphsyncEngine.start(host, blockstore, GraphsyncOptions.defaults());
 * RequestResult result =
 *     graphsync.request(peer, root, Selectors.EXPLORE_ALL).result().toCompletableFuture().get();
 * }</pre>
 */
public final class GraphsyncEngine implements Graphsync {
  private static final long CLOSE_WAIT_SECONDS = 5;

  private final Host host;
  private final Blockstore blockstore;
  private final GraphsyncOptions options;
  private final GraphsyncHooks hooks = new GraphsyncHooks();
  private final Counters counters = new Counters();
  private final ExecutorService pool;
  private final ScheduledThreadPoolExecutor timers;
  private final Map<PeerId, PeerSession> sessions = new ConcurrentHashMap<>();
  private final Map<String, Blockstore> persistenceOptions = new ConcurrentHashMap<>();
  private final AtomicInteger nextRequestId = new AtomicInteger();
  private volatile boolean closed;
  private Subscription connections;

  private GraphsyncEngine(Host host, Blockstore blockstore, GraphsyncOptions options) {
    this.host = Objects.requireNonNull(host, "host");
    this.blockstore = Objects.requireNonNull(blockstore, "blockstore");
    this.options = Objects.requireNonNull(options, "options");
    this.pool =
        new ThreadPoolExecutor(
            options.threads(),
            options.threads(),
            0,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            daemonThreads("graphsync-" + shortName(host.peerId())));
    this.timers = new ScheduledThreadPoolExecutor(1, daemonThreads("graphsync-timer"));
    this.timers.setRemoveOnCancelPolicy(true);
  }

  /**
   * Starts a node: it serves the protocol on the host at once.
   *
   * @param host the libp2p host
   * @param blockstore where blocks are read from and verified blocks stored
   * @param options the settings
   * @return the running node
   */
  public static GraphsyncEngine start(Host host, Blockstore blockstore, GraphsyncOptions options) {
    GraphsyncEngine engine = new GraphsyncEngine(host, blockstore, options);
    host.setStreamHandler(PROTOCOL_ID, engine::accept);
    engine.connections = host.addConnectionListener(engine.new Disconnects());
    return engine;
  }

  private void accept(Stream stream) {
    if (closed) {
      stream.reset();
      return;
    }
    PeerSession session = session(stream.remotePeer());
    new InboundStreamReader(stream, session.executor(), timers, options, counters, session).start();
  }

  /** A peer's last connection closed: its session ends its responses (graphsync spec §1). */
  private final class Disconnects implements ConnectionListener {
    @Override
    public void connected(PeerId peer) {}

    @Override
    public void disconnected(PeerId peer) {
      PeerSession session = sessions.get(peer);
      if (session != null && !closed) {
        session.executor().execute(session::disconnected);
      }
    }
  }

  private PeerSession session(PeerId peer) {
    return sessions.computeIfAbsent(
        peer,
        p ->
            new PeerSession(
                p,
                host,
                pool,
                timers,
                options,
                hooks,
                counters,
                blockstore,
                name -> Optional.ofNullable(persistenceOptions.get(name))));
  }

  @Override
  public PeerId peerId() {
    return host.peerId();
  }

  @Override
  public GraphsyncHooks hooks() {
    return hooks;
  }

  @Override
  public RequestHandle request(
      PeerId peer, Cid root, Node selector, Extensions extensions, RequestListener listener) {
    if (closed) {
      throw new IllegalStateException("the graphsync node is closed");
    }
    NewRequest request =
        new NewRequest(nextRequestId.getAndIncrement(), root, selector, 0, extensions);
    return session(peer).requester().request(request, listener);
  }

  @Override
  public CompletionStage<Void> pauseResponse(PeerId peer, int requestId) {
    return onResponder(peer, responder -> responder.pause(requestId));
  }

  @Override
  public CompletionStage<Void> unpauseResponse(PeerId peer, int requestId, Extensions extensions) {
    return onResponder(peer, responder -> responder.unpause(requestId, extensions));
  }

  @Override
  public CompletionStage<Void> cancelResponse(PeerId peer, int requestId) {
    return onResponder(peer, responder -> responder.cancel(requestId));
  }

  /** An operation on a peer's responses that may not find its response. */
  @FunctionalInterface
  private interface ResponderOperation {
    void apply(ResponderPeer responder) throws RequestNotFoundException;
  }

  private CompletionStage<Void> onResponder(PeerId peer, ResponderOperation operation) {
    CompletableFuture<Void> applied = new CompletableFuture<>();
    PeerSession session = sessions.get(peer);
    if (session == null) {
      applied.completeExceptionally(
          new RequestNotFoundException("no response in progress for peer " + peer));
      return applied;
    }
    session
        .executor()
        .execute(
            () -> {
              try {
                operation.apply(session.responder());
                applied.complete(null);
              } catch (RequestNotFoundException e) {
                applied.completeExceptionally(e);
              }
            });
    return applied;
  }

  @Override
  public void registerPersistenceOption(String name, Blockstore store) {
    Objects.requireNonNull(store, "store");
    if (persistenceOptions.putIfAbsent(name, store) != null) {
      throw new IllegalArgumentException("persistence option already registered: " + name);
    }
  }

  @Override
  public void unregisterPersistenceOption(String name) {
    persistenceOptions.remove(name);
  }

  @Override
  public GraphsyncStats stats() {
    return counters.snapshot();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    host.removeStreamHandler(PROTOCOL_ID);
    connections.close();
    for (PeerSession session : new ArrayList<>(sessions.values())) {
      session.executor().execute(session::close);
    }
    pool.shutdown();
    try {
      if (!pool.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
    timers.shutdownNow();
  }

  private static String shortName(PeerId peer) {
    String text = peer.toString();
    return text.substring(Math.max(0, text.length() - 6));
  }

  private static ThreadFactory daemonThreads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
