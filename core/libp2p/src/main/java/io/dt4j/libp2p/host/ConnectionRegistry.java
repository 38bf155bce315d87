package io.dt4j.libp2p.host;

import io.dt4j.api.PeerId;
import io.dt4j.api.Subscription;
import io.dt4j.api.host.ConnectionListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open connections of a host by peer, and who is told about them: plugin-API {@link
 * ConnectionListener}s (first connection of a peer, last one closed) and {@link
 * ConnectionObserver}s (every connection). Thread-safe: the per-peer lists are immutable and
 * replaced atomically.
 */
final class ConnectionRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionRegistry.class);

  private final ConcurrentHashMap<PeerId, List<Libp2pConnection>> connections =
      new ConcurrentHashMap<>();
  private final CopyOnWriteArrayList<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
  private final CopyOnWriteArrayList<ConnectionObserver> observers = new CopyOnWriteArrayList<>();

  /** Returns an open connection to the peer, or null. */
  Libp2pConnection open(PeerId peer) {
    for (Libp2pConnection c : of(peer)) {
      if (c.isOpen()) {
        return c;
      }
    }
    return null;
  }

  List<Libp2pConnection> of(PeerId peer) {
    return connections.getOrDefault(peer, List.of());
  }

  Set<PeerId> peers() {
    return Set.copyOf(connections.keySet());
  }

  /** Adds a bound connection, tells listeners and observers, and removes it when it closes. */
  void add(Libp2pConnection connection) {
    PeerId peer = connection.remotePeer();
    boolean[] first = new boolean[1];
    connections.compute(
        peer,
        (p, list) -> {
          first[0] = list == null;
          List<Libp2pConnection> more = new ArrayList<>(list != null ? list : List.of());
          more.add(connection);
          return List.copyOf(more);
        });
    LOG.debug("connected: {}", connection);
    if (first[0]) {
      listeners.forEach(l -> safely(() -> l.connected(peer)));
    }
    observers.forEach(o -> safely(() -> o.opened(connection)));
    connection.closeFuture().whenComplete((v, e) -> remove(connection));
  }

  private void remove(Libp2pConnection connection) {
    PeerId peer = connection.remotePeer();
    boolean[] last = new boolean[1];
    connections.computeIfPresent(
        peer,
        (p, list) -> {
          if (!list.contains(connection)) {
            return list;
          }
          List<Libp2pConnection> rest = new ArrayList<>(list);
          rest.remove(connection);
          last[0] = rest.isEmpty();
          return rest.isEmpty() ? null : List.copyOf(rest);
        });
    LOG.debug("disconnected: {}", connection);
    observers.forEach(o -> safely(() -> o.closed(connection)));
    if (last[0]) {
      listeners.forEach(l -> safely(() -> l.disconnected(peer)));
    }
  }

  void protocolsChanged(Set<String> protocols) {
    observers.forEach(o -> safely(() -> o.protocolsChanged(protocols)));
  }

  Subscription addListener(ConnectionListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  Subscription addObserver(ConnectionObserver observer) {
    observers.add(observer);
    return () -> observers.remove(observer);
  }

  void closeAll() {
    connections.values().forEach(list -> list.forEach(Libp2pConnection::close));
  }

  private static void safely(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("a connection listener failed", e);
    }
  }
}
