package io.dt4j.libp2p.mux.yamux;

import java.time.Duration;

/**
 * yamux session settings (libp2p.md §5.7). {@link #defaults()} matches go-yamux where it matters
 * for interop.
 *
 * @param maxStreamWindow the largest receive window a stream auto-tunes to (go: 16 MiB)
 * @param maxFramePayload the largest DATA payload this side sends in one frame
 * @param maxConcurrentStreams streams open at once; excess inbound SYNs get RST, excess opens fail
 * @param keepAliveInterval how often to ping the peer; {@link Duration#ZERO} disables keep-alive
 * @param pingTimeout how long a ping may stay unanswered before the session is closed
 * @param closeGracePeriod how long {@code close()} waits for open streams before closing anyway
 */
public record YamuxConfig(
    int maxStreamWindow,
    int maxFramePayload,
    int maxConcurrentStreams,
    Duration keepAliveInterval,
    Duration pingTimeout,
    Duration closeGracePeriod) {

  /** The initial stream window, fixed by the spec (libp2p.md §5.4). */
  public static final int INITIAL_WINDOW = 256 * 1024;

  /** Validates the settings. */
  public YamuxConfig {
    if (maxStreamWindow < INITIAL_WINDOW) {
      throw new IllegalArgumentException(
          "maxStreamWindow " + maxStreamWindow + " is below the initial window " + INITIAL_WINDOW);
    }
    if (maxFramePayload < 1) {
      throw new IllegalArgumentException("maxFramePayload must be positive: " + maxFramePayload);
    }
    if (maxConcurrentStreams < 1) {
      throw new IllegalArgumentException(
          "maxConcurrentStreams must be positive: " + maxConcurrentStreams);
    }
    if (keepAliveInterval.isNegative() || pingTimeout.isNegative() || pingTimeout.isZero()) {
      throw new IllegalArgumentException(
          "keepAliveInterval must be >= 0 and pingTimeout > 0: "
              + keepAliveInterval
              + ", "
              + pingTimeout);
    }
  }

  /**
   * Returns the defaults: 16 MiB max window, 64 KiB frames (what go and js send, and a frame that
   * fits one Noise message once split), 1000 streams, keep-alive every 30 s, 10 s ping timeout, 5 s
   * close grace period.
   */
  public static YamuxConfig defaults() {
    return new YamuxConfig(
        16 * 1024 * 1024,
        64 * 1024,
        1000,
        Duration.ofSeconds(30),
        Duration.ofSeconds(10),
        Duration.ofSeconds(5));
  }

  /** Returns a copy with another keep-alive interval. */
  public YamuxConfig withKeepAliveInterval(Duration interval) {
    return new YamuxConfig(
        maxStreamWindow,
        maxFramePayload,
        maxConcurrentStreams,
        interval,
        pingTimeout,
        closeGracePeriod);
  }

  /** Returns a copy with another stream limit. */
  public YamuxConfig withMaxConcurrentStreams(int max) {
    return new YamuxConfig(
        maxStreamWindow, maxFramePayload, max, keepAliveInterval, pingTimeout, closeGracePeriod);
  }

  /** Returns a copy with another maximum frame payload. */
  public YamuxConfig withMaxFramePayload(int max) {
    return new YamuxConfig(
        maxStreamWindow,
        max,
        maxConcurrentStreams,
        keepAliveInterval,
        pingTimeout,
        closeGracePeriod);
  }

  /** Returns a copy with another maximum stream window. */
  public YamuxConfig withMaxStreamWindow(int max) {
    return new YamuxConfig(
        max,
        maxFramePayload,
        maxConcurrentStreams,
        keepAliveInterval,
        pingTimeout,
        closeGracePeriod);
  }
}
