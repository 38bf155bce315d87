package io.dt4j.api.host;

import io.dt4j.api.PeerId;
import io.dt4j.api.Subscription;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A node's network endpoint: its identity, outgoing streams to peers and handlers for incoming
 * streams, one libp2p connection per peer.
 */
public interface Host {

  /** Returns this node's peer id. */
  PeerId peerId();

  /**
   * Opens a stream to a peer, negotiating the first protocol of {@code protocolIds} that the peer
   * supports, in the order given. Connects to the peer first if needed.
   *
   * @param peer the remote peer
   * @param protocolIds protocol ids in order of preference, e.g. {@code /fil/datatransfer/1.1.0}
   * @return the stream, or fails with {@link StreamException} (no connection, no common protocol,
   *     timeout)
   */
  CompletionStage<Stream> newStream(PeerId peer, List<String> protocolIds);

  /**
   * Serves a protocol: each incoming stream that negotiates {@code protocolId} goes to the handler.
   * A second handler for the same protocol replaces the first.
   *
   * @param protocolId the protocol id
   * @param handler the handler
   */
  void setStreamHandler(String protocolId, StreamHandler handler);

  /**
   * Stops serving a protocol.
   *
   * @param protocolId the protocol id
   */
  void removeStreamHandler(String protocolId);

  /** Returns the peers this node is connected to now. */
  Set<PeerId> connectedPeers();

  /**
   * Registers a listener for peers connecting and disconnecting.
   *
   * @param listener the listener
   * @return the registration; close it to stop listening
   */
  Subscription addConnectionListener(ConnectionListener listener);

  /**
   * Closes every connection to a peer: its streams end and it leaves {@link #connectedPeers()}
   * (listeners hear of it just after the returned stage completes). The peer may connect again; a
   * caller that wants it kept away resets what it opens (dt-net does so for a peer cut off for
   * flooding). Hosts that cannot close connections (in-memory test hosts, hosts of older plugin-API
   * versions) fail with {@link UnsupportedOperationException}.
   *
   * @param peer the peer
   * @return completes when the connections are closed; at once when there is none
   */
  default CompletionStage<Void> disconnect(PeerId peer) {
    return CompletableFuture.failedFuture(
        new UnsupportedOperationException(getClass().getName() + " cannot disconnect " + peer));
  }
}
