package io.dt4j.demo;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A number of bytes as people type it: {@code 4096}, {@code 10MB} (decimal units, 10^6), {@code
 * 256MiB} (binary units, 2^20), {@code 1.5GiB}. Units are case-insensitive; a space may separate
 * the number from the unit; {@code K}, {@code M}, {@code G}, {@code T} alone are binary, as in
 * {@code dd} and the JVM's {@code -Xmx}.
 */
public final class DataSize {
  /** The largest size accepted: 1 TiB. */
  public static final long MAX = 1L << 40;

  private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-z]*)");
  private static final Map<String, Long> UNITS =
      Map.ofEntries(
          Map.entry("", 1L),
          Map.entry("b", 1L),
          Map.entry("kb", 1_000L),
          Map.entry("mb", 1_000_000L),
          Map.entry("gb", 1_000_000_000L),
          Map.entry("tb", 1_000_000_000_000L),
          Map.entry("k", 1L << 10),
          Map.entry("kib", 1L << 10),
          Map.entry("m", 1L << 20),
          Map.entry("mib", 1L << 20),
          Map.entry("g", 1L << 30),
          Map.entry("gib", 1L << 30),
          Map.entry("t", 1L << 40),
          Map.entry("tib", 1L << 40));

  private DataSize() {}

  /**
   * Reads a size.
   *
   * @param text e.g. {@code 256MiB}
   * @return the bytes, 1 to {@link #MAX}
   * @throws InvalidSizeException if the text is not a size, names an unknown unit, is not a whole
   *     number of bytes, or is out of range
   */
  public static long parse(String text) {
    Matcher m = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new InvalidSizeException(text, "expected a number and an optional unit");
    }
    Long unit = UNITS.get(m.group(2));
    if (unit == null) {
      throw new InvalidSizeException(
          text, "unknown unit '" + m.group(2) + "'; use B, KB, MB, GB, TB, KiB, MiB, GiB or TiB");
    }
    BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit));
    if (bytes.stripTrailingZeros().scale() > 0) {
      throw new InvalidSizeException(text, "not a whole number of bytes");
    }
    if (bytes.signum() == 0 || bytes.compareTo(BigDecimal.valueOf(MAX)) > 0) {
      throw new InvalidSizeException(text, "must be 1 byte to 1 TiB");
    }
    return bytes.longValueExact();
  }
}
