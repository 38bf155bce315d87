package io.dt4j.libp2p.host;

import io.dt4j.api.PeerId;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What this node knows about other peers: their addresses (added by the user or learned by
 * identify), and what identify told: protocols, agent and protocol version. Thread-safe; entries
 * are immutable records replaced atomically.
 */
public final class AddressBook {

  /**
   * One peer's entry.
   *
   * @param addresses dialable addresses without {@code /p2p}, in the order learned
   * @param protocols the protocols the peer handles, from identify; empty if unknown
   * @param agentVersion the peer's agent, from identify
   * @param protocolVersion the peer's protocol version, from identify
   */
  public record PeerRecord(
      List<Multiaddr> addresses,
      List<String> protocols,
      Optional<String> agentVersion,
      Optional<String> protocolVersion) {

    /** Copies the lists. */
    public PeerRecord {
      addresses = List.copyOf(addresses);
      protocols = List.copyOf(protocols);
    }

    static final PeerRecord EMPTY =
        new PeerRecord(List.of(), List.of(), Optional.empty(), Optional.empty());
  }

  private final ConcurrentHashMap<PeerId, PeerRecord> peers = new ConcurrentHashMap<>();
  private final List<Consumer<PeerId>> listeners = new CopyOnWriteArrayList<>();

  /**
   * Calls {@code listener} with a peer each time an address of it is learned that was not known
   * before (e.g. to keep the addresses across restarts, {@link PeerAddressFile}). It runs on the
   * thread that added the address, possibly an I/O thread: it must return quickly.
   *
   * @param listener called with the peer
   */
  public void onNewAddress(Consumer<PeerId> listener) {
    listeners.add(listener);
  }

  /**
   * Adds an address of a peer; a {@code /p2p} suffix is removed.
   *
   * @param peer the peer
   * @param address the address
   */
  public void addAddress(PeerId peer, Multiaddr address) {
    addAddresses(peer, List.of(address));
  }

  /**
   * Adds addresses of a peer, keeping those already known.
   *
   * @param peer the peer
   * @param addresses the addresses
   */
  public void addAddresses(PeerId peer, List<Multiaddr> addresses) {
    boolean[] learned = {false};
    peers.compute(
        peer,
        (p, old) -> {
          PeerRecord r = old != null ? old : PeerRecord.EMPTY;
          Set<Multiaddr> all = new LinkedHashSet<>(r.addresses());
          addresses.forEach(a -> all.add(a.withoutPeerId()));
          learned[0] = all.size() > r.addresses().size();
          return new PeerRecord(
              new ArrayList<>(all), r.protocols(), r.agentVersion(), r.protocolVersion());
        });
    if (learned[0]) {
      listeners.forEach(listener -> listener.accept(peer));
    }
  }

  /**
   * Records what identify reported; absent fields keep their old values.
   *
   * @param peer the peer
   * @param protocols the protocols, or null if not reported
   * @param agentVersion the agent, or null
   * @param protocolVersion the protocol version, or null
   */
  public void setIdentity(
      PeerId peer, List<String> protocols, String agentVersion, String protocolVersion) {
    peers.compute(
        peer,
        (p, old) -> {
          PeerRecord r = old != null ? old : PeerRecord.EMPTY;
          return new PeerRecord(
              r.addresses(),
              protocols != null ? protocols : r.protocols(),
              agentVersion != null ? Optional.of(agentVersion) : r.agentVersion(),
              protocolVersion != null ? Optional.of(protocolVersion) : r.protocolVersion());
        });
  }

  /** Returns the peer's entry; empty lists if nothing is known. */
  public PeerRecord get(PeerId peer) {
    return peers.getOrDefault(peer, PeerRecord.EMPTY);
  }

  /** Returns every peer with at least one known address, and those addresses. */
  public Map<PeerId, List<Multiaddr>> allAddresses() {
    Map<PeerId, List<Multiaddr>> all = new HashMap<>();
    peers.forEach(
        (peer, entry) -> {
          if (!entry.addresses().isEmpty()) {
            all.put(peer, entry.addresses());
          }
        });
    return all;
  }

  /** Returns the peer's known addresses. */
  public List<Multiaddr> addresses(PeerId peer) {
    return get(peer).addresses();
  }

  /** Returns the protocols the peer reported in identify; empty if unknown. */
  public List<String> protocols(PeerId peer) {
    return get(peer).protocols();
  }
}
