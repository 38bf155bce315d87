package io.dt4j.libp2p.transport;

import io.dt4j.libp2p.multiaddr.Multiaddr;
import io.netty.channel.Channel;
import io.netty.util.concurrent.Future;

/**
 * A bound TCP listener.
 *
 * @param address the bound address, with the actual port when port 0 was asked for
 * @param serverChannel the server channel (module-internal)
 */
public record TcpListener(Multiaddr address, Channel serverChannel) {

  /** Stops accepting; connections already accepted stay open. */
  public Future<Void> close() {
    return serverChannel.close();
  }
}
