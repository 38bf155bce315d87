package io.dt4j.libp2p.mux.mplex;

import java.io.IOException;

/**
 * A stream-scoped mplex failure, used to fail a write or an open: the stream was reset or closed
 * for writing, or the session accepts no new streams. Other streams are not affected.
 */
public final class MplexStreamException extends IOException {
  private static final long serialVersionUID = 1L;

  MplexStreamException(String message) {
    super(message);
  }

  static MplexStreamException reset(long id, String reason) {
    return new MplexStreamException("mplex stream " + id + " was reset: " + reason);
  }

  static MplexStreamException writeClosed(long id) {
    return new MplexStreamException("mplex stream " + id + " is closed for writing");
  }

  static MplexStreamException refused(String reason) {
    return new MplexStreamException("cannot open an mplex stream: " + reason);
  }
}
