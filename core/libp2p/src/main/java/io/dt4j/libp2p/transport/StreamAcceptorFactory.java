package io.dt4j.libp2p.transport;

import io.dt4j.api.PeerId;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import io.dt4j.libp2p.mux.StreamAcceptor;

/**
 * Gives each connection the acceptor for the streams its remote opens. Called on the connection's
 * event loop once the remote is verified, just before the muxer is installed: the remote may open
 * streams before the upgrade future's listeners run.
 */
@FunctionalInterface
public interface StreamAcceptorFactory {

  /**
   * Creates the acceptor of one connection.
   *
   * @param remotePeer the verified remote peer
   * @param remoteAddress the remote TCP address
   * @return the acceptor; must not block
   */
  StreamAcceptor create(PeerId remotePeer, Multiaddr remoteAddress);
}
