package io.dt4j.libp2p.mux.yamux;

import java.io.IOException;

/**
 * A stream-scoped yamux failure, used to fail a write or an open: the stream was reset or closed
 * for writing, or the session accepts no new streams. Other streams are not affected.
 */
public final class YamuxStreamException extends IOException {
  private static final long serialVersionUID = 1L;

  YamuxStreamException(String message) {
    super(message);
  }

  static YamuxStreamException reset(long id, String reason) {
    return new YamuxStreamException("yamux stream " + id + " was reset: " + reason);
  }

  static YamuxStreamException writeClosed(long id) {
    return new YamuxStreamException("yamux stream " + id + " is closed for writing");
  }

  static YamuxStreamException refused(String reason) {
    return new YamuxStreamException("cannot open a yamux stream: " + reason);
  }
}
