package io.dt4j.libp2p.mux.mplex;

import java.time.Duration;

/**
 * mplex session settings (libp2p.md §6).
 *
 * @param maxMessageSize the largest message accepted (spec, js, go: 1 MiB)
 * @param maxFramePayload the largest message this side sends; writes are split (js: 64 KiB)
 * @param maxConcurrentStreams streams open at once; excess inbound streams are reset
 * @param maxBufferedPerStream bytes a paused stream may hold before the connection stops reading
 * @param closeGracePeriod how long {@code close()} waits for open streams before closing anyway
 */
public record MplexConfig(
    int maxMessageSize,
    int maxFramePayload,
    int maxConcurrentStreams,
    int maxBufferedPerStream,
    Duration closeGracePeriod) {

  /** Validates the settings. */
  public MplexConfig {
    if (maxFramePayload < 1 || maxFramePayload > maxMessageSize) {
      throw new IllegalArgumentException(
          "maxFramePayload must be in [1, " + maxMessageSize + "]: " + maxFramePayload);
    }
    if (maxConcurrentStreams < 1 || maxBufferedPerStream < 1) {
      throw new IllegalArgumentException(
          "maxConcurrentStreams and maxBufferedPerStream must be positive: "
              + maxConcurrentStreams
              + ", "
              + maxBufferedPerStream);
    }
  }

  /**
   * Returns the defaults: 1 MiB messages in, 64 KiB out, 1000 streams, 1 MiB buffered per paused
   * stream, 5 s close grace period.
   */
  public static MplexConfig defaults() {
    return new MplexConfig(1 << 20, 64 * 1024, 1000, 1 << 20, Duration.ofSeconds(5));
  }

  /** Returns a copy with another per-stream buffer limit. */
  public MplexConfig withMaxBufferedPerStream(int max) {
    return new MplexConfig(
        maxMessageSize, maxFramePayload, maxConcurrentStreams, max, closeGracePeriod);
  }

  /** Returns a copy with another stream limit. */
  public MplexConfig withMaxConcurrentStreams(int max) {
    return new MplexConfig(
        maxMessageSize, maxFramePayload, max, maxBufferedPerStream, closeGracePeriod);
  }
}
