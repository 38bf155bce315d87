package io.dt4j.ipld.unixfs;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * The UnixFS 1.5 {@code UnixTime} message: seconds relative to the epoch and optional nanoseconds.
 *
 * @param seconds signed seconds since 1970-01-01T00:00:00Z (field 1, int64)
 * @param fractionalNanoseconds nanoseconds within the second, 1 to 999999999 (field 2, fixed32)
 */
public record UnixTime(long seconds, OptionalInt fractionalNanoseconds) {
  /**
   * Checks the nanoseconds range.
   *
   * @param seconds signed seconds since the epoch
   * @param fractionalNanoseconds nanoseconds within the second
   */
  public UnixTime {
    Objects.requireNonNull(fractionalNanoseconds, "fractionalNanoseconds");
    if (fractionalNanoseconds.isPresent()
        && (fractionalNanoseconds.getAsInt() < 1
            || fractionalNanoseconds.getAsInt() > 999_999_999)) {
      throw new IllegalArgumentException(
          "fractional nanoseconds must be 1..999999999, got " + fractionalNanoseconds.getAsInt());
    }
  }
}
