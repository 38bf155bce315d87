package io.dt4j.api;

/**
 * The identifier of a data transfer, chosen by the initiator and unique per initiator.
 *
 * <p>On the wire it is an unsigned 64-bit integer (data-transfer.md §2.7). Java has no unsigned
 * long, so the value is held in a {@code long} and always printed and compared as unsigned: {@code
 * new TransferId(-1)} is 18446744073709551615.
 *
 * @param value the 64 bits of the id, read as unsigned
 */
public record TransferId(long value) implements Comparable<TransferId> {

  /**
   * Parses the decimal form printed by {@link #toString()}.
   *
   * @param text an unsigned decimal number below 2^64
   * @return the transfer id
   * @throws IllegalArgumentException if the text is not an unsigned 64-bit decimal number
   */
  public static TransferId parse(String text) {
    try {
      return new TransferId(Long.parseUnsignedLong(text));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "invalid transfer id '" + text + "': expected an unsigned 64-bit decimal number", e);
    }
  }

  @Override
  public int compareTo(TransferId other) {
    return Long.compareUnsigned(value, other.value);
  }

  /** Returns the unsigned decimal form, as Go prints it. */
  @Override
  public String toString() {
    return Long.toUnsignedString(value);
  }
}
