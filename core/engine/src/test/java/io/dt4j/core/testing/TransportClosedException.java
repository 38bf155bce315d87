package io.dt4j.core.testing;

import io.dt4j.api.DataTransferException;
import io.dt4j.api.PeerId;

/**
 * A loopback transport was used after it stopped: it was shut down, its node attached a new
 * transport in its place (a process restart), or the hub was closed.
 */
public final class TransportClosedException extends DataTransferException {
  private static final long serialVersionUID = 1L;

  /** The node whose transport is closed. */
  private final transient PeerId peer;

  /**
   * Creates the exception.
   *
   * @param peer the node whose transport is closed
   * @param why what closed it, e.g. {@code "it was shut down"}
   */
  public TransportClosedException(PeerId peer, String why) {
    super("the loopback transport of " + peer + " is closed: " + why);
    this.peer = peer;
  }

  /** Returns the node whose transport is closed. */
  public PeerId peer() {
    return peer;
  }
}
