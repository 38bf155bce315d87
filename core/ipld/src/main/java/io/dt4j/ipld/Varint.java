package io.dt4j.ipld;

import java.nio.ByteBuffer;

/**
 * Unsigned LEB128 varints as used by multiformats (multihash, multicodec, CID). Values are at most
 * 63 bits wide, so an encoding is at most 9 bytes; encodings must be minimal.
 */
public final class Varint {
  /** Multiformats caps varints at 9 bytes, i.e. values below 2^63. */
  public static final int MAX_LENGTH = 9;

  private Varint() {}

  /**
   * Encodes a value as a minimal unsigned varint.
   *
   * @param value a value in {@code [0, 2^63)}
   * @return the encoded bytes (1 to 9)
   * @throws IllegalArgumentException if the value is negative (i.e. at least 2^63 unsigned)
   */
  public static byte[] encode(long value) {
    byte[] out = new byte[encodedLength(value)];
    long rest = value;
    for (int i = 0; i < out.length; i++) {
      int low = (int) (rest & 0x7f);
      rest >>>= 7;
      out[i] = (byte) (rest == 0 ? low : low | 0x80);
    }
    return out;
  }

  /**
   * Returns how many bytes {@link #encode(long)} produces for a value.
   *
   * @param value a value in {@code [0, 2^63)}
   * @return the encoded length, 1 to 9
   * @throws IllegalArgumentException if the value is negative
   */
  public static int encodedLength(long value) {
    if (value < 0) {
      throw new IllegalArgumentException(
          "varint value must be below 2^63, got unsigned " + Long.toUnsignedString(value));
    }
    int length = 1;
    for (long rest = value >>> 7; rest != 0; rest >>>= 7) {
      length++;
    }
    return length;
  }

  /**
   * Reads one varint from the buffer's position and advances past it.
   *
   * @param in the buffer to read from
   * @return the decoded value, in {@code [0, 2^63)}
   * @throws MalformedIpldException if the input is truncated, not minimal, or longer than 9 bytes
   */
  public static long read(ByteBuffer in) {
    int start = in.position();
    long value = 0;
    for (int i = 0; i < MAX_LENGTH; i++) {
      if (!in.hasRemaining()) {
        throw new MalformedIpldException("truncated varint starting at byte offset " + start);
      }
      int b = in.get() & 0xff;
      value |= (long) (b & 0x7f) << (7 * i);
      if ((b & 0x80) == 0) {
        if (b == 0 && i > 0) {
          throw new MalformedIpldException(
              "varint at byte offset " + start + " is not minimally encoded");
        }
        return value;
      }
    }
    throw new MalformedIpldException(
        "varint at byte offset " + start + " is longer than " + MAX_LENGTH + " bytes");
  }
}
