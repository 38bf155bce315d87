package io.dt4j.libp2p.transport;

import io.dt4j.api.PeerId;
import io.dt4j.libp2p.crypto.PubKey;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import io.dt4j.libp2p.mux.Muxer;
import io.netty.channel.Channel;
import io.netty.util.concurrent.Future;

/**
 * A connection after the upgrade: encrypted with Noise, remote verified, muxer installed.
 *
 * @param remotePeer the verified remote peer id
 * @param remoteKey the remote identity key
 * @param localAddress this side's TCP address
 * @param remoteAddress the remote TCP address (without {@code /p2p})
 * @param initiator whether this side dialed
 * @param muxerId the negotiated muxer protocol, e.g. {@code /yamux/1.0.0}
 * @param muxer the muxer session: open streams, close gracefully
 * @param channel the connection's channel (module-internal; never handed to plugins)
 */
public record SecuredConnection(
    PeerId remotePeer,
    PubKey remoteKey,
    Multiaddr localAddress,
    Multiaddr remoteAddress,
    boolean initiator,
    String muxerId,
    Muxer muxer,
    Channel channel) {

  /** Returns a future that completes when the connection is closed. */
  public Future<Void> closeFuture() {
    return channel.closeFuture();
  }

  @Override
  public String toString() {
    return (initiator ? "outbound " : "inbound ")
        + remotePeer
        + " at "
        + remoteAddress
        + " via "
        + muxerId;
  }
}
