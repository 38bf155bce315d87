package io.dt4j.core.network;

import io.dt4j.api.PeerId;
import java.time.Duration;

/**
 * A peer sent channel-opening requests far over its {@link RequestLimits}: its streams are reset
 * for a while. Reported to the message receiver as the error of the stream that was cut.
 */
public final class RequestFloodException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient PeerId peer;

  /**
   * Creates the error.
   *
   * @param peer the flooding peer
   * @param limits the limits it broke
   */
  public RequestFloodException(PeerId peer, RequestLimits limits) {
    super(
        "peer "
            + peer
            + " sent "
            + limits.cutOffAfter()
            + " channel requests over the limit of "
            + limits.requestsPerSecond()
            + "/s (burst "
            + limits.burst()
            + "); its data-transfer streams are reset for "
            + format(limits.cutOffFor()));
    this.peer = peer;
  }

  /** Returns the flooding peer. */
  public PeerId peer() {
    return peer;
  }

  private static String format(Duration duration) {
    return duration.toSeconds() + " s";
  }
}
