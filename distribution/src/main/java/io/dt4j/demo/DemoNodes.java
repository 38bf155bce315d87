package io.dt4j.demo;

import io.dt4j.daemon.Dt4jHome;
import io.dt4j.daemon.Dt4jNode;
import io.dt4j.daemon.NoTransportException;
import io.dt4j.daemon.NodeConfig;
import java.nio.file.Path;

/**
 * The demo's two nodes, each the same {@link Dt4jNode} a daemon runs, on embedded defaults (a home
 * of its own under the work folder, listening on an ephemeral loopback port) with the given
 * plugins. Node A holds the source; node B receives it.
 */
final class DemoNodes implements AutoCloseable {
  private final Dt4jNode a;
  private final Dt4jNode b;

  private DemoNodes(Dt4jNode a, Dt4jNode b) {
    this.a = a;
    this.b = b;
  }

  /**
   * Starts both nodes.
   *
   * @param dir the work folder; the homes are {@code a/} and {@code b/} in it
   * @param pluginsDir the plugins folder both load
   * @return the running nodes
   * @throws NoTransportException if no plugin contributes the transport
   */
  static DemoNodes start(Path dir, Path pluginsDir) {
    Dt4jNode a = startNode(dir.resolve("a"), pluginsDir);
    try {
      return new DemoNodes(a, startNode(dir.resolve("b"), pluginsDir));
    } catch (RuntimeException e) {
      a.close();
      throw e;
    }
  }

  private static Dt4jNode startNode(Path home, Path pluginsDir) {
    NodeConfig config = NodeConfig.defaults(Dt4jHome.of(home)).withPlugins(pluginsDir, false);
    Dt4jNode node = Dt4jNode.start(config);
    if (node.transport().isEmpty()) {
      node.close();
      throw new NoTransportException(config.transport(), config.pluginsDir());
    }
    return node;
  }

  /** Returns node A, which imports the source. */
  Dt4jNode a() {
    return a;
  }

  /** Returns node B, which receives the DAG. */
  Dt4jNode b() {
    return b;
  }

  /** Stops both nodes. */
  @Override
  public void close() {
    try {
      b.close();
    } finally {
      a.close();
    }
  }
}
