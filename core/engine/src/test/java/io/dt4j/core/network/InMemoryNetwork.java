package io.dt4j.core.network;

import io.dt4j.api.PeerId;
import io.dt4j.api.Subscription;
import io.dt4j.api.host.ConnectionListener;
import io.dt4j.api.host.Host;
import io.dt4j.api.host.Stream;
import io.dt4j.api.host.StreamException;
import io.dt4j.api.host.StreamHandler;
import io.dt4j.api.host.StreamListener;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hosts connected in memory, for tests of what runs above the {@link Host} contract: streams are
 * pairs of queues drained in order on one thread, protocols are negotiated in the order offered.
 */
final class InMemoryNetwork implements AutoCloseable {
  private final Map<PeerId, MemoryHost> hosts = new ConcurrentHashMap<>();
  private final ExecutorService delivery = Executors.newSingleThreadExecutor();

  MemoryHost host(PeerId id) {
    return hosts.computeIfAbsent(id, MemoryHost::new);
  }

  @Override
  public void close() {
    delivery.shutdownNow();
  }

  /** One host of the network. */
  final class MemoryHost implements Host {
    private final PeerId id;
    private final Map<String, StreamHandler> handlers = new ConcurrentHashMap<>();
    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    final AtomicInteger streamsOpened = new AtomicInteger();
    final List<PeerId> disconnects = new CopyOnWriteArrayList<>();
    volatile boolean down;

    MemoryHost(PeerId id) {
      this.id = id;
    }

    @Override
    public PeerId peerId() {
      return id;
    }

    @Override
    public CompletionStage<Stream> newStream(PeerId peer, List<String> protocolIds) {
      streamsOpened.incrementAndGet();
      MemoryHost remote = hosts.get(peer);
      if (remote == null || remote.down) {
        return CompletableFuture.failedFuture(new StreamException("no connection to " + peer));
      }
      for (String protocol : protocolIds) {
        StreamHandler handler = remote.handlers.get(protocol);
        if (handler != null) {
          MemoryStream local = new MemoryStream(peer, protocol);
          MemoryStream other = new MemoryStream(id, protocol);
          local.peer = other;
          other.peer = local;
          delivery.execute(() -> handler.handle(other));
          return CompletableFuture.completedFuture(local);
        }
      }
      return CompletableFuture.failedFuture(
          new StreamException(peer + " supports none of " + protocolIds));
    }

    @Override
    public void setStreamHandler(String protocolId, StreamHandler handler) {
      handlers.put(protocolId, handler);
    }

    @Override
    public void removeStreamHandler(String protocolId) {
      handlers.remove(protocolId);
    }

    @Override
    public Set<PeerId> connectedPeers() {
      return Set.copyOf(hosts.keySet());
    }

    @Override
    public Subscription addConnectionListener(ConnectionListener listener) {
      listeners.add(listener);
      return () -> listeners.remove(listener);
    }

    /** Tells this host's listeners that the peer went; its streams stay (no connection here). */
    @Override
    public CompletionStage<Void> disconnect(PeerId peer) {
      disconnects.add(peer);
      listeners.forEach(l -> l.disconnected(peer));
      return CompletableFuture.completedFuture(null);
    }
  }

  /** One end of an in-memory stream. */
  final class MemoryStream implements Stream {
    private final PeerId remote;
    private final String protocol;
    private final List<Runnable> pending = new CopyOnWriteArrayList<>();
    private volatile StreamListener listener;
    volatile MemoryStream peer;
    volatile boolean wasReset;

    MemoryStream(PeerId remote, String protocol) {
      this.remote = remote;
      this.protocol = protocol;
    }

    @Override
    public PeerId remotePeer() {
      return remote;
    }

    @Override
    public String protocolId() {
      return protocol;
    }

    @Override
    public void setListener(StreamListener listener) {
      delivery.execute(
          () -> {
            this.listener = listener;
            pending.forEach(Runnable::run);
            pending.clear();
          });
    }

    private void toListener(java.util.function.Consumer<StreamListener> call) {
      delivery.execute(
          () -> {
            if (listener != null) {
              call.accept(listener);
            } else {
              pending.add(() -> call.accept(listener));
            }
          });
    }

    @Override
    public CompletionStage<Void> write(ByteBuffer data) {
      if (wasReset) {
        return CompletableFuture.failedFuture(new StreamException("stream was reset"));
      }
      ByteBuffer copy = ByteBuffer.allocate(data.remaining()).put(data).flip();
      peer.toListener(l -> l.onData(copy.duplicate()));
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> closeWrite() {
      peer.toListener(StreamListener::onRemoteClose);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public void reset() {
      wasReset = true;
      peer.wasReset = true;
      peer.toListener(l -> l.onReset(new StreamException("reset by " + remote)));
    }

    @Override
    public void pauseReading() {}

    @Override
    public void resumeReading() {}
  }
}
