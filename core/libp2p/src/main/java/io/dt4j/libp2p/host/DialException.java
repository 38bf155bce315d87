package io.dt4j.libp2p.host;

import io.dt4j.api.PeerId;
import java.util.Optional;

/**
 * Connecting to a peer failed: no known address, every address failed, or the remote proved another
 * identity. Scoped to that dial; other connections are untouched.
 */
public final class DialException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient PeerId peer;

  DialException(PeerId peer, String message, Throwable cause) {
    super(message, cause);
    this.peer = peer;
  }

  /** Returns the peer that was dialed, when known. */
  public Optional<PeerId> peer() {
    return Optional.ofNullable(peer);
  }
}
