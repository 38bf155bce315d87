package io.dt4j.ipld;

import java.io.ByteArrayOutputStream;

/** Writes CBOR heads and scalars in the shortest form (RFC 8949 §3, as DAG-CBOR requires). */
final class CborWriter {
  static final int UNSIGNED = 0;
  static final int NEGATIVE = 1;
  static final int BYTES = 2;
  static final int TEXT = 3;
  static final int ARRAY = 4;
  static final int MAP = 5;
  static final int TAG = 6;
  static final int SIMPLE = 7;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** Writes a head with the argument as an unsigned 64-bit value in its shortest form. */
  void head(int major, long argument) {
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

  void integer(long value) {
    if (value >= 0) {
      head(UNSIGNED, value);
    } else {
      head(NEGATIVE, ~value); // -1 - value, never negative here
    }
  }

  void bytes(int major, byte[] content) {
    head(major, content.length);
    out.writeBytes(content);
  }

  void float64(double value) {
    out.write((SIMPLE << 5) | 27);
    bigEndian(Double.doubleToRawLongBits(value), 8);
  }

  void simple(int value) {
    out.write((SIMPLE << 5) | value);
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }

  private void bigEndian(long value, int length) {
    for (int shift = (length - 1) * 8; shift >= 0; shift -= 8) {
      out.write((int) (value >>> shift));
    }
  }
}
