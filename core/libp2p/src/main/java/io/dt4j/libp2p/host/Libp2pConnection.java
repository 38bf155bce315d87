package io.dt4j.libp2p.host;

import io.dt4j.api.PeerId;
import io.dt4j.libp2p.crypto.PubKey;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import io.dt4j.libp2p.mux.Muxer;
import io.dt4j.libp2p.transport.SecuredConnection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One upgraded libp2p connection of a {@link Libp2pHost}: a verified peer, a muxer. Streams the
 * peer opens may arrive before the upgrade result is published, so the connection exists from the
 * moment the muxer is installed and is bound to its {@link SecuredConnection} right after.
 */
public final class Libp2pConnection {
  private final PeerId remotePeer;
  private final Multiaddr remoteAddress;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private volatile SecuredConnection secured;

  Libp2pConnection(PeerId remotePeer, Multiaddr remoteAddress) {
    this.remotePeer = remotePeer;
    this.remoteAddress = remoteAddress;
  }

  void bind(SecuredConnection connection) {
    this.secured = connection;
    connection.closeFuture().addListener(f -> closed.complete(null));
  }

  /** Returns the verified remote peer. */
  public PeerId remotePeer() {
    return remotePeer;
  }

  /** Returns the remote TCP address, without {@code /p2p}. */
  public Multiaddr remoteAddress() {
    return remoteAddress;
  }

  /** Returns this side's TCP address. */
  public Multiaddr localAddress() {
    return secured.localAddress();
  }

  /** Returns the remote identity key, as proven in the Noise handshake. */
  public PubKey remoteKey() {
    return secured.remoteKey();
  }

  /** Returns whether this side dialed. */
  public boolean isInitiator() {
    return secured.initiator();
  }

  /** Returns the negotiated muxer protocol id. */
  public String muxerId() {
    return secured.muxerId();
  }

  /** Returns whether the connection is still open. */
  public boolean isOpen() {
    return !closed.isDone();
  }

  /** Returns a stage completing when the connection closes. */
  public CompletionStage<Void> closeFuture() {
    return closed.copy();
  }

  /** Closes the connection: the muxer says go-away, streams end, the socket closes. */
  public CompletionStage<Void> close() {
    secured.channel().close();
    return closeFuture();
  }

  Muxer muxer() {
    return secured.muxer();
  }

  SecuredConnection secured() {
    return secured;
  }

  @Override
  public String toString() {
    SecuredConnection s = secured;
    return s != null ? s.toString() : "connection to " + remotePeer + " at " + remoteAddress;
  }
}
