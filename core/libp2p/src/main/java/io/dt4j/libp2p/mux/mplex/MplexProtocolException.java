package io.dt4j.libp2p.mux.mplex;

import io.netty.handler.codec.CorruptedFrameException;

/**
 * A connection-scoped mplex error: a malformed header or varint, an unknown flag, a message over
 * the size limit, a duplicate stream. The session closes the connection and logs the reason;
 * stream-scoped problems reset one stream instead.
 */
public final class MplexProtocolException extends CorruptedFrameException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what the peer did wrong, with the offending values
   */
  public MplexProtocolException(String message) {
    super(message);
  }
}
