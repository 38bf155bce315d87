package io.dt4j.core.network;

import java.time.Duration;

/**
 * Timeouts, retries and limits of the data-transfer network; {@link #DEFAULT} has
 * go-data-transfer's values (data-transfer.md §1.3).
 *
 * @param openStreamTimeout how long one attempt to open a stream may take
 * @param sendMessageTimeout how long writing one message may take
 * @param maxStreamOpenAttempts attempts to open a stream, the first included
 * @param minAttemptDuration the first back-off
 * @param maxAttemptDuration the largest back-off
 * @param backoffFactor how much each back-off grows
 * @param jitter whether back-offs are randomised between the minimum and their value
 * @param readIdleTimeout how long an incoming stream may stay silent before it is reset
 * @param maxMessageBytes the largest message accepted from a peer
 */
public record NetworkOptions(
    Duration openStreamTimeout,
    Duration sendMessageTimeout,
    int maxStreamOpenAttempts,
    Duration minAttemptDuration,
    Duration maxAttemptDuration,
    double backoffFactor,
    boolean jitter,
    Duration readIdleTimeout,
    int maxMessageBytes) {

  /** go-data-transfer's defaults; 4 MiB messages (vouchers may hold 2 MiB strings). */
  public static final NetworkOptions DEFAULT =
      new NetworkOptions(
          Duration.ofSeconds(10),
          Duration.ofSeconds(10),
          5,
          Duration.ofSeconds(1),
          Duration.ofMinutes(5),
          5,
          true,
          Duration.ofSeconds(30),
          4 << 20);

  /** Checks the values. */
  public NetworkOptions {
    if (maxStreamOpenAttempts < 1 || backoffFactor < 1 || maxMessageBytes < 1024) {
      throw new IllegalArgumentException("invalid network options");
    }
  }

  /**
   * Returns the back-off after failed attempt {@code k} (0-based), as jpillora/backoff computes it:
   * {@code min(max, r * (min * factor^k - min) + min)} with {@code r} uniform in [0, 1), or 1
   * without jitter.
   *
   * @param attempt the failed attempt, from 0
   * @param random a number in [0, 1)
   * @return how long to wait
   */
  public Duration backoff(int attempt, double random) {
    double min = minAttemptDuration.toMillis();
    double grown = min * Math.pow(backoffFactor, attempt);
    double r = jitter ? random : 1;
    double millis = Math.min(maxAttemptDuration.toMillis(), r * (grown - min) + min);
    return Duration.ofMillis((long) millis);
  }
}
