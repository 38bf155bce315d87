package io.dt4j.libp2p.mux;

import io.netty.buffer.ByteBuf;

/** Receives what arrives on a {@link MuxedStream}, in order, on the connection's event loop. */
public interface MuxedStreamListener {

  /**
   * Bytes arrived.
   *
   * @param data the bytes; the listener owns them and must release them
   */
  void onData(ByteBuf data);

  /** The remote side half-closed: no more data will come. */
  void onRemoteClose();

  /**
   * The stream was reset by the remote side, or the session or connection ended.
   *
   * @param reason why, for logs
   */
  void onReset(String reason);

  /** The stream became writable again after {@link MuxedStream#isWritable()} was false. */
  default void onWritable() {}
}
