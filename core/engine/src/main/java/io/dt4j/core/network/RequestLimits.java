package io.dt4j.core.network;

import java.time.Duration;

/**
 * How many channel-opening requests (new, restart) one peer may send: a token bucket of {@code
 * burst} requests refilled at {@code requestsPerSecond}. Requests beyond it are dropped (the peer
 * is throttled; the first few dropped of a run are answered with a rejection); after {@code
 * cutOffAfter} dropped requests the peer is cut off for {@code cutOffFor}: its connections are
 * closed, and every dt-net stream it opens meanwhile is reset. Updates, vouchers, cancels and
 * responses of running channels are never limited here.
 *
 * @param requestsPerSecond the sustained rate, above 0
 * @param burst the requests accepted at once, at least 1
 * @param cutOffAfter dropped requests after which the peer is cut off, at least 1
 * @param cutOffFor how long a cut-off peer's streams are reset, positive
 */
public record RequestLimits(
    double requestsPerSecond, int burst, int cutOffAfter, Duration cutOffFor) {

  /**
   * Generous for a real client (a boost or lotus node opening many deals), tight for a flood: 200
   * at once, 20 a second sustained, cut off for a minute after 1000 dropped.
   */
  public static final RequestLimits DEFAULT =
      new RequestLimits(20, 200, 1000, Duration.ofMinutes(1));

  /** Checks the values. */
  public RequestLimits {
    if (!(requestsPerSecond > 0)
        || burst < 1
        || cutOffAfter < 1
        || cutOffFor.isNegative()
        || cutOffFor.isZero()) {
      throw new IllegalArgumentException(
          "request limits need a positive rate, burst, cut-off count and cut-off time");
    }
  }
}
