package io.dt4j.vouchers.filecoin;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An immutable sequence of bytes with value equality: the Go {@code []byte} fields of the market
 * types (a voucher's secret preimage, a signature's data, a deferred CBOR item).
 */
public final class ByteString {
  /** No bytes. */
  public static final ByteString EMPTY = new ByteString(new byte[0]);

  private final byte[] bytes;

  private ByteString(byte[] bytes) {
    this.bytes = bytes;
  }

  /**
   * Returns a byte string holding a copy of the bytes.
   *
   * @param bytes the bytes
   * @return the byte string
   */
  public static ByteString of(byte[] bytes) {
    return bytes.length == 0 ? EMPTY : new ByteString(bytes.clone());
  }

  /**
   * Parses lowercase or uppercase hexadecimal.
   *
   * @param hex an even number of hex digits
   * @return the byte string
   * @throws IllegalArgumentException if the text is not hexadecimal
   */
  public static ByteString ofHex(String hex) {
    return of(HexFormat.of().parseHex(hex));
  }

  /** Returns a copy of the bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** Returns the number of bytes. */
  public int length() {
    return bytes.length;
  }

  /** Returns the bytes as lowercase hexadecimal. */
  public String toHex() {
    return HexFormat.of().formatHex(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ByteString that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  /** Returns the bytes as hexadecimal, e.g. {@code 0x1234}. */
  @Override
  public String toString() {
    return "0x" + toHex();
  }
}
