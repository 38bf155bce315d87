package io.dt4j.libp2p.mux;

/** Receives the streams a remote peer opens on a muxed session. */
@FunctionalInterface
public interface StreamAcceptor {

  /**
   * A remote peer opened a stream. Called on the connection's event loop; must not block. Set the
   * stream's listener before returning, or data will wait (within the flow-control window).
   *
   * @param stream the new stream
   */
  void accept(MuxedStream stream);
}
