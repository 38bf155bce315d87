package io.dt4j.ipld.cbor;

import java.io.ByteArrayOutputStream;

/**
 * Writes CBOR heads and scalars in the shortest form (RFC 8949 §3, as DAG-CBOR and cbor-gen
 * require). The major types are constants here.
 */
public final class CborWriter {
  /** Major type 0: unsigned integer. */
  public static final int UNSIGNED = 0;

  /** Major type 1: negative integer. */
  public static final int NEGATIVE = 1;

  /** Major type 2: byte string. */
  public static final int BYTES = 2;

  /** Major type 3: text string. */
  public static final int TEXT = 3;

  /** Major type 4: array. */
  public static final int ARRAY = 4;

  /** Major type 5: map. */
  public static final int MAP = 5;

  /** Major type 6: tag. */
  public static final int TAG = 6;

  /** Major type 7: simple values and floats. */
  public static final int SIMPLE = 7;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /**
   * Writes a head with the argument as an unsigned 64-bit value in its shortest form.
   *
   * @param major the major type
   * @param argument the argument, read as unsigned
   */
  public void head(int major, long argument) {
    int type = major << 5;
    if (argument >= 0 && argument < 24) {
      out.write(type | (int) argument);
    } else if (argument >= 0 && argument < 0x100) {
      out.write(type | 24);
      out.write((int) argument);
    } else if (argument >= 0 && argument < 0x10000) {
      out.write(type | 25);
      bigEndian(argument, 2);
    } else if (argument >= 0 && argument < 0x1_0000_0000L) {
      out.write(type | 26);
      bigEndian(argument, 4);
    } else {
      out.write(type | 27);
      bigEndian(argument, 8);
    }
  }

  /**
   * Writes a signed integer (major 0 or 1).
   *
   * @param value the value
   */
  public void integer(long value) {
    if (value >= 0) {
      head(UNSIGNED, value);
    } else {
      head(NEGATIVE, ~value); // -1 - value, never negative here
    }
  }

  /**
   * Writes a byte or text string: the head then the content as given.
   *
   * @param major {@link #BYTES} or {@link #TEXT}
   * @param content the raw content
   */
  public void bytes(int major, byte[] content) {
    head(major, content.length);
    out.writeBytes(content);
  }

  /**
   * Writes a 64-bit float.
   *
   * @param value the value
   */
  public void float64(double value) {
    out.write((SIMPLE << 5) | 27);
    bigEndian(Double.doubleToRawLongBits(value), 8);
  }

  /**
   * Writes a simple value, e.g. 20 false, 21 true, 22 null.
   *
   * @param value the simple value, below 24
   */
  public void simple(int value) {
    out.write((SIMPLE << 5) | value);
  }

  /**
   * Writes bytes that already are one or more complete CBOR items (a deferred field).
   *
   * @param encoded the CBOR bytes
   */
  public void raw(byte[] encoded) {
    out.writeBytes(encoded);
  }

  /** Returns everything written. */
  public byte[] toByteArray() {
    return out.toByteArray();
  }

  private void bigEndian(long value, int length) {
    for (int shift = (length - 1) * 8; shift >= 0; shift -= 8) {
      out.write((int) (value >>> shift));
    }
  }
}
