package io.dt4j.libp2p.mux;

import io.netty.util.concurrent.Future;

/** One muxed session over a connection. Thread-safe: calls from other threads are handed over. */
public interface Muxer {

  /**
   * Opens a new outbound stream.
   *
   * @return completes with the stream once it may be written to, or fails (session closed, stream
   *     limit reached)
   */
  Future<MuxedStream> openStream();

  /**
   * Closes the session gracefully (yamux: go-away), then the connection once streams are done or
   * after a grace period; open streams are reset when the connection closes.
   *
   * @return completes when the connection is closed
   */
  Future<Void> close();

  /** Returns the number of streams open now. */
  int openStreams();
}
