package io.dt4j.libp2p.mux;

import io.netty.channel.Channel;

/** A stream multiplexer protocol, such as {@code /yamux/1.0.0} or {@code /mplex/6.7.0}. */
public interface MuxerFactory {

  /** Returns the multistream protocol id, e.g. {@code /yamux/1.0.0}. */
  String protocolId();

  /**
   * Installs the muxer at the tail of a secured connection's pipeline, whose handlers before it
   * deliver plaintext {@code ByteBuf}s inbound and encrypt what it writes. Must be called on the
   * connection's event loop, after the muxer was negotiated.
   *
   * @param connection the secured connection
   * @param initiator whether this side dialed the connection (yamux: odd stream ids)
   * @param acceptor receives each stream the remote side opens
   * @return the session, to open streams and close the muxer
   */
  Muxer install(Channel connection, boolean initiator, StreamAcceptor acceptor);
}
