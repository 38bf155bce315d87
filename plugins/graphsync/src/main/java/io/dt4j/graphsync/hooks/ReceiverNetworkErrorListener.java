package io.dt4j.graphsync.hooks;

import io.dt4j.api.PeerId;

/**
 * Told when reading from a peer failed: its stream was reset or lost, or it sent a malformed or
 * oversized message (the stream is then reset).
 */
@FunctionalInterface
public interface ReceiverNetworkErrorListener {

  /**
   * Receiving failed.
   *
   * @param peer the peer
   * @param error what failed
   */
  void onReceiverNetworkError(PeerId peer, Exception error);
}
