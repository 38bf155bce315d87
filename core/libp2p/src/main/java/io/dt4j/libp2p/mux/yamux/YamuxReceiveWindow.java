package io.dt4j.libp2p.mux.yamux;

/**
 * Receive-side flow control of one stream (libp2p.md §5.4), as go-yamux does it. Invariant: {@code
 * credit + buffered + consumed == window}, where credit is what the peer may still send, buffered
 * is what arrived but was not delivered, and consumed is what was delivered but not yet granted
 * back. So a stream never buffers more than its window.
 *
 * <p>An update is due once at least half the window was consumed. Auto-tuning: if the previous
 * update was less than four round trips ago, the reader keeps up with the link, so the window
 * doubles, up to the maximum; this lets one stream fill a long fat pipe.
 */
final class YamuxReceiveWindow {
  private final long maxWindow;
  private long window = YamuxConfig.INITIAL_WINDOW;
  private long credit = YamuxConfig.INITIAL_WINDOW;
  private long consumed;
  private long epochStartNanos;

  YamuxReceiveWindow(long maxWindow, long nowNanos) {
    this.maxWindow = maxWindow;
    this.epochStartNanos = nowNanos;
  }

  /** Takes {@code n} bytes of credit; false if the peer sent more than its window allows. */
  boolean tryReceive(long n) {
    if (n > credit) {
      return false;
    }
    credit -= n;
    return true;
  }

  /** Records that {@code n} received bytes were delivered to the reader. */
  void consumed(long n) {
    consumed += n;
  }

  /**
   * Returns the delta to grant now, or 0 if not yet due; a non-zero result is already counted as
   * granted.
   *
   * @param nowNanos the current time
   * @param rttNanos the session's measured round trip, 0 if unknown (no growth then)
   */
  long takeUpdate(long nowNanos, long rttNanos) {
    if (consumed < window / 2) {
      return 0;
    }
    long delta = consumed;
    if (rttNanos > 0 && nowNanos - epochStartNanos < 4 * rttNanos && window < maxWindow) {
      long grown = Math.min(window * 2, maxWindow);
      delta += grown - window;
      window = grown;
    }
    epochStartNanos = nowNanos;
    consumed = 0;
    credit += delta;
    return delta;
  }

  /** Returns the current window size. */
  long window() {
    return window;
  }

  /** Returns how many bytes the peer may still send. */
  long credit() {
    return credit;
  }
}
