package io.dt4j.daemon.admin;

import io.dt4j.daemon.PeerConnection;
import java.util.List;

/** The admin API's node requests and replies: identity, version, peers, connect. */
public final class NodeMessages {
  private NodeMessages() {}

  /**
   * {@code ID}: who the node is.
   *
   * @param peerId the peer id
   * @param addresses the listen addresses, each with {@code /p2p/<peer id>}
   * @param agentVersion the agent announced by identify
   * @param transport the transport in use, or null if no plugin contributes the configured one
   * @param home the node's home folder
   */
  public record Identity(
      String peerId, List<String> addresses, String agentVersion, String transport, String home) {}

  /**
   * {@code Version}.
   *
   * @param version dt4j's version
   * @param pluginApiVersion the version plugins' {@code Plugin-Requires} are checked against
   * @param javaVersion the Java runtime's version
   */
  public record Version(String version, String pluginApiVersion, String javaVersion) {}

  /**
   * {@code NetPeers}.
   *
   * @param peers the connected peers
   */
  public record PeerList(List<PeerConnection> peers) {}

  /**
   * {@code NetConnect}.
   *
   * @param address the multiaddr to dial, ending in {@code /p2p/<peer id>}
   */
  public record Connect(String address) {}

  /**
   * The peer {@code NetConnect} connected to.
   *
   * @param peerId its id
   * @param address the address dialled
   */
  public record Connected(String peerId, String address) {}
}
