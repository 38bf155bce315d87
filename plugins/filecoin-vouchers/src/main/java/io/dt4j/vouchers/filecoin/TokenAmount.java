package io.dt4j.vouchers.filecoin;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * An amount of FIL in attoFIL (10^-18 FIL): Go's {@code abi.TokenAmount}, a {@code big.Int}.
 *
 * <p>On the wire (go-state-types {@code big.Int}) it is a CBOR byte string: empty for zero,
 * otherwise a sign byte ({@code 0x00} positive, {@code 0x01} negative) followed by the magnitude,
 * big-endian without leading zeros; at most {@value #MAX_ENCODED_LENGTH} bytes in all. Like Go, the
 * reader also accepts magnitudes with leading zeros and a lone sign byte (both are re-encoded in
 * the canonical form).
 *
 * @param attoFil the amount in attoFIL
 */
public record TokenAmount(BigInteger attoFil) implements Comparable<TokenAmount> {
  /** The longest encoding Go reads or writes, sign byte included. */
  public static final int MAX_ENCODED_LENGTH = 128;

  /** Zero attoFIL. */
  public static final TokenAmount ZERO = new TokenAmount(BigInteger.ZERO);

  /** Checks that the amount is present and fits the wire form. */
  public TokenAmount {
    Objects.requireNonNull(attoFil, "attoFil");
    if (magnitude(attoFil).length + 1 > MAX_ENCODED_LENGTH) {
      throw new IllegalArgumentException(
          "token amount does not fit in " + MAX_ENCODED_LENGTH + " bytes: " + attoFil);
    }
  }

  /**
   * Returns the amount of the given attoFIL.
   *
   * @param attoFil the amount
   * @return the token amount
   */
  public static TokenAmount of(long attoFil) {
    return attoFil == 0 ? ZERO : new TokenAmount(BigInteger.valueOf(attoFil));
  }

  /**
   * Parses a decimal number of attoFIL, e.g. {@code 1214}.
   *
   * @param attoFil the decimal text
   * @return the token amount
   * @throws IllegalArgumentException if the text is not a decimal integer
   */
  public static TokenAmount parse(String attoFil) {
    try {
      return new TokenAmount(new BigInteger(attoFil.strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a whole number of attoFIL: '" + attoFil + "'", e);
    }
  }

  /**
   * Reads the wire form (the content of the CBOR byte string).
   *
   * @param encoded empty, or a sign byte and the magnitude
   * @return the token amount
   * @throws IllegalArgumentException if the form is too long or the sign byte is not 0 or 1
   */
  public static TokenAmount fromBytes(byte[] encoded) {
    if (encoded.length > MAX_ENCODED_LENGTH) {
      throw new IllegalArgumentException(
          "big integer byte array too long (" + encoded.length + " bytes)");
    }
    if (encoded.length == 0) {
      return ZERO;
    }
    if (encoded[0] != 0 && encoded[0] != 1) {
      throw new IllegalArgumentException(
          "big int prefix should be either 0 or 1, got " + (encoded[0] & 0xff));
    }
    BigInteger magnitude = new BigInteger(1, Arrays.copyOfRange(encoded, 1, encoded.length));
    return new TokenAmount(encoded[0] == 1 ? magnitude.negate() : magnitude);
  }

  /** Returns the canonical wire form: empty for zero, else sign byte and magnitude. */
  public byte[] toBytes() {
    if (attoFil.signum() == 0) {
      return new byte[0];
    }
    byte[] magnitude = magnitude(attoFil);
    byte[] encoded = new byte[magnitude.length + 1];
    encoded[0] = (byte) (attoFil.signum() < 0 ? 1 : 0);
    System.arraycopy(magnitude, 0, encoded, 1, magnitude.length);
    return encoded;
  }

  /**
   * Returns this plus another amount.
   *
   * @param other the amount to add
   * @return the sum
   */
  public TokenAmount add(TokenAmount other) {
    return new TokenAmount(attoFil.add(other.attoFil));
  }

  /**
   * Returns this minus another amount.
   *
   * @param other the amount to subtract
   * @return the difference
   */
  public TokenAmount subtract(TokenAmount other) {
    return new TokenAmount(attoFil.subtract(other.attoFil));
  }

  /**
   * Returns this amount times a non-negative count, e.g. a price per byte times bytes.
   *
   * @param count the multiplier, read as unsigned
   * @return the product
   */
  public TokenAmount times(long count) {
    return new TokenAmount(attoFil.multiply(new BigInteger(Long.toUnsignedString(count))));
  }

  /** Returns whether the amount is above zero. */
  public boolean isPositive() {
    return attoFil.signum() > 0;
  }

  @Override
  public int compareTo(TokenAmount other) {
    return attoFil.compareTo(other.attoFil);
  }

  /** Returns the amount as a decimal number of attoFIL. */
  @Override
  public String toString() {
    return attoFil.toString();
  }

  private static byte[] magnitude(BigInteger value) {
    byte[] twosComplement = value.abs().toByteArray();
    int skip = twosComplement[0] == 0 ? 1 : 0; // the sign bit's byte of BigInteger's form
    return Arrays.copyOfRange(twosComplement, skip, twosComplement.length);
  }
}
