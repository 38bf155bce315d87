package io.dt4j.libp2p.mux.yamux;

import io.netty.handler.codec.CorruptedFrameException;

/**
 * A connection-scoped yamux error: the peer broke the protocol (malformed header, unknown version
 * or type, a frame over the size limit, data beyond the window, a window overflow, a bad stream
 * id). The session answers with go-away carrying {@link #goAwayCode()} and closes the connection.
 * Stream-scoped problems never throw this; they reset one stream.
 */
public final class YamuxProtocolException extends CorruptedFrameException {
  private static final long serialVersionUID = 1L;

  /** Go-away code for a normal termination. */
  public static final int NORMAL = 0;

  /** Go-away code for a protocol error. */
  public static final int PROTOCOL_ERROR = 1;

  /** Go-away code for an internal error. */
  public static final int INTERNAL_ERROR = 2;

  private final int goAwayCode;

  private YamuxProtocolException(String message, int goAwayCode) {
    super(message);
    this.goAwayCode = goAwayCode;
  }

  /**
   * Creates a protocol error (go-away code 1).
   *
   * @param message what the peer did wrong, with the offending values
   * @return the exception
   */
  public static YamuxProtocolException protocolError(String message) {
    return new YamuxProtocolException(message, PROTOCOL_ERROR);
  }

  /**
   * Creates an error for a data frame longer than the decoder accepts.
   *
   * @param length the announced length
   * @param max the limit
   * @return the exception
   */
  public static YamuxProtocolException frameTooLong(long length, int max) {
    return protocolError("yamux data frame of " + length + " bytes exceeds the maximum " + max);
  }

  /** Returns the go-away code to send before closing. */
  public int goAwayCode() {
    return goAwayCode;
  }
}
