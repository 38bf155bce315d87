package io.dt4j.libp2p.protocols;

import io.dt4j.api.host.StreamException;

/**
 * A protocol peer broke the protocol (wrong echo, oversized or malformed message, bad key).
 * Stream-scoped: the stream is reset, the connection stays up.
 */
public final class ProtocolException extends StreamException {
  private static final long serialVersionUID = 1L;

  ProtocolException(String message) {
    super(message);
  }

  ProtocolException(String message, Throwable cause) {
    super(message, cause);
  }
}
