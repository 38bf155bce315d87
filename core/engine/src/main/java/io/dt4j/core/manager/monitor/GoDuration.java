package io.dt4j.core.manager.monitor;

import java.time.Duration;

/**
 * Formats a duration the way Go's {@code time.Duration.String()} does ("10s", "1m0s", "500ms",
 * "1.5µs"), so that dt4j's error texts read like go-data-transfer's.
 */
final class GoDuration {
  private static final long MICROSECOND = 1_000L;
  private static final long MILLISECOND = 1_000_000L;
  private static final long SECOND = 1_000_000_000L;

  private GoDuration() {}

  /**
   * Returns Go's text for a duration; beyond Go's range (±292 years) the nearest Go value.
   *
   * @param duration the duration
   * @return e.g. {@code 1h2m3.5s}
   */
  static String format(Duration duration) {
    long nanos = saturatedNanos(duration);
    if (nanos == 0) {
      return "0s";
    }
    String sign = nanos < 0 ? "-" : "";
    // -Long.MIN_VALUE overflows to itself, which read unsigned is exactly 2^63: all arithmetic
    // below is unsigned, as in Go
    long magnitude = nanos < 0 ? -nanos : nanos;
    if (Long.compareUnsigned(magnitude, SECOND) < 0) {
      return sign + belowOneSecond(magnitude);
    }
    long seconds = Long.divideUnsigned(magnitude, SECOND);
    String fraction = fraction(Long.remainderUnsigned(magnitude, SECOND), 9);
    StringBuilder text = new StringBuilder(sign);
    long minutes = seconds / 60;
    if (minutes > 0) {
      long hours = minutes / 60;
      if (hours > 0) {
        text.append(hours).append('h');
      }
      text.append(minutes % 60).append('m');
    }
    return text.append(seconds % 60).append(fraction).append('s').toString();
  }

  private static String belowOneSecond(long nanos) {
    if (nanos < MICROSECOND) {
      return nanos + "ns";
    }
    if (nanos < MILLISECOND) {
      return nanos / MICROSECOND + fraction(nanos % MICROSECOND, 3) + "µs";
    }
    return nanos / MILLISECOND + fraction(nanos % MILLISECOND, 6) + "ms";
  }

  /** Returns ".ddd" for {@code digits} digits of {@code value}, trailing zeros dropped. */
  private static String fraction(long value, int digits) {
    if (value == 0) {
      return "";
    }
    String padded = String.format("%0" + digits + "d", value);
    int end = padded.length();
    while (padded.charAt(end - 1) == '0') {
      end--;
    }
    return "." + padded.substring(0, end);
  }

  private static long saturatedNanos(Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException overflow) {
      return duration.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }
}
