package io.dt4j.libp2p.host;

import java.util.Set;

/**
 * Told about every connection of a {@link Libp2pHost} (not only the first per peer, unlike the
 * plugin API's {@code ConnectionListener}) and about changes of the protocols this host serves.
 * Used by protocol services such as identify. Calls run on a network thread: never block.
 */
public interface ConnectionObserver {

  /**
   * A connection was established and registered.
   *
   * @param connection the connection
   */
  default void opened(Libp2pConnection connection) {}

  /**
   * A connection closed.
   *
   * @param connection the connection
   */
  default void closed(Libp2pConnection connection) {}

  /**
   * The set of protocols with a stream handler changed.
   *
   * @param protocols the protocols served now
   */
  default void protocolsChanged(Set<String> protocols) {}
}
