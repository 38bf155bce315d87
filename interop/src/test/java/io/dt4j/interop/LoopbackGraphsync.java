package io.dt4j.interop;

import io.dt4j.graphsync.GraphsyncOptions;
import io.dt4j.graphsync.engine.GraphsyncEngine;
import io.dt4j.ipld.Blockstore;
import io.dt4j.libp2p.crypto.Ed25519PrivKey;
import io.dt4j.libp2p.host.HostConfig;
import io.dt4j.libp2p.host.Libp2pHost;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * dt4j graphsync nodes on real libp2p hosts listening on 127.0.0.1 (TCP, Noise, yamux), each told
 * the others' addresses. Close it to stop them all.
 */
final class LoopbackGraphsync implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final List<Peer> peers = new ArrayList<>();

  /**
   * A node of the network.
   *
   * @param host its host
   * @param graphsync its graphsync engine
   * @param store its blockstore
   */
  record Peer(Libp2pHost host, GraphsyncEngine graphsync, Blockstore store) {}

  /** Starts a node that serves and stores through {@code store}. */
  synchronized Peer peer(Blockstore store, GraphsyncOptions options) throws Exception {
    Libp2pHost host =
        new Libp2pHost(
            HostConfig.defaults(Ed25519PrivKey.generate(RANDOM))
                .withListenAddresses(List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"))));
    host.listen().toCompletableFuture().get(10, TimeUnit.SECONDS);
    for (Peer other : peers) {
      other.host().addAddress(host.peerId(), host.listenAddresses().get(0));
      host.addAddress(other.host().peerId(), other.host().listenAddresses().get(0));
    }
    Peer peer = new Peer(host, GraphsyncEngine.start(host, store, options), store);
    peers.add(peer);
    return peer;
  }

  @Override
  public synchronized void close() {
    for (Peer peer : peers) {
      peer.graphsync().close();
      peer.host().close();
    }
    peers.clear();
  }
}
