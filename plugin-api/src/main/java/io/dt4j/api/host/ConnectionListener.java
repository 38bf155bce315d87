package io.dt4j.api.host;

import io.dt4j.api.PeerId;

/** Told when peers connect and disconnect. Calls run on a network thread: never block in them. */
public interface ConnectionListener {

  /**
   * A first connection to the peer was established.
   *
   * @param peer the peer
   */
  void connected(PeerId peer);

  /**
   * The last connection to the peer was closed.
   *
   * @param peer the peer
   */
  void disconnected(PeerId peer);
}
