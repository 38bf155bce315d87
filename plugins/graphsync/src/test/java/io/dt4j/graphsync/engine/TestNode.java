package io.dt4j.graphsync.engine;

import io.dt4j.graphsync.GraphsyncOptions;
import io.dt4j.graphsync.RequestHandle;
import io.dt4j.graphsync.RequestListener;
import io.dt4j.graphsync.message.Extensions;
import io.dt4j.ipld.Blockstore;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Selectors;
import io.dt4j.libp2p.crypto.Ed25519PrivKey;
import io.dt4j.libp2p.host.HostConfig;
import io.dt4j.libp2p.host.Libp2pHost;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A graphsync node on a real libp2p host listening on loopback (TCP, Noise, yamux), for the
 * engine's scenarios. {@link Network} starts them, introduces them to each other and closes them.
 *
 * @param host the host
 * @param graphsync the node
 * @param store its blockstore
 */
public record TestNode(Libp2pHost host, GraphsyncEngine graphsync, Blockstore store) {

  /** Asks {@code responder} for the whole DAG under {@code root}. */
  RequestHandle pull(TestNode responder, Cid root) {
    return pull(responder, root, RequestListener.NONE);
  }

  /** Asks {@code responder} for the whole DAG under {@code root}, followed by a listener. */
  RequestHandle pull(TestNode responder, Cid root, RequestListener listener) {
    return graphsync.request(
        responder.host().peerId(), root, Selectors.EXPLORE_ALL, Extensions.none(), listener);
  }

  /** The nodes of one test; close it after the test. */
  public static final class Network implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final List<TestNode> nodes = new ArrayList<>();

    public TestNode node(Blockstore store, GraphsyncOptions options) throws Exception {
      Libp2pHost host =
          new Libp2pHost(
              HostConfig.defaults(Ed25519PrivKey.generate(RANDOM))
                  .withListenAddresses(List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/0"))));
      host.listen().toCompletableFuture().get(10, TimeUnit.SECONDS);
      for (TestNode other : nodes) {
        other.host().addAddress(host.peerId(), host.listenAddresses().get(0));
        host.addAddress(other.host().peerId(), other.host().listenAddresses().get(0));
      }
      TestNode node = new TestNode(host, GraphsyncEngine.start(host, store, options), store);
      nodes.add(node);
      return node;
    }

    @Override
    public void close() {
      for (TestNode node : nodes) {
        node.graphsync().close();
        node.host().close();
      }
    }
  }
}
