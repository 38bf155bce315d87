package io.dt4j.ipld;

/**
 * Reads CBOR heads from a byte array, tracking the byte offset for error messages. Rejects what
 * DAG-CBOR forbids at the token level: indefinite lengths, reserved additional info and arguments
 * that are not in their shortest form.
 */
final class CborReader {
  private final byte[] data;
  private int offset;
  private int headStart;
  private int major;
  private int info;
  private long argument;

  CborReader(byte[] data) {
    this.data = data;
  }

  /** Reads the next head; afterwards {@link #major()}, {@link #info()}, {@link #argument()}. */
  void readHead() {
    headStart = offset;
    int initial = nextByte();
    major = initial >>> 5;
    info = initial & 0x1f;
    if (info < 24) {
      argument = info;
    } else if (info <= 27) {
      int length = 1 << (info - 24);
      argument = bigEndian(length);
      // Floats (major 7, info 25..27) have no shortest-form rule on the bits; the caller checks.
      if (major != CborWriter.SIMPLE && Long.compareUnsigned(argument, minimumFor(length)) < 0) {
        throw error("integer or length not in shortest form");
      }
    } else if (info == 31) {
      throw error("indefinite-length items are not allowed in DAG-CBOR");
    } else {
      throw error("reserved additional information value " + info);
    }
  }

  int major() {
    return major;
  }

  int info() {
    return info;
  }

  /** The head's argument as an unsigned 64-bit value. */
  long argument() {
    return argument;
  }

  int headStart() {
    return headStart;
  }

  int offset() {
    return offset;
  }

  boolean atEnd() {
    return offset == data.length;
  }

  /** Returns the next {@code length} bytes, failing before allocating if they are not there. */
  byte[] content(long length) {
    if (length < 0 || length > data.length - offset) {
      throw error("truncated: needs " + Long.toUnsignedString(length) + " content bytes");
    }
    byte[] content = new byte[(int) length];
    System.arraycopy(data, offset, content, 0, content.length);
    offset += content.length;
    return content;
  }

  /** Fails if {@code count} items cannot fit in what is left (each takes at least one byte). */
  void requireItems(long count) {
    if (count < 0 || count > data.length - offset) {
      throw error(
          "truncated: declares "
              + Long.toUnsignedString(count)
              + " items but only "
              + (data.length - offset)
              + " bytes remain");
    }
  }

  MalformedIpldException error(String problem) {
    return new MalformedIpldException("DAG-CBOR: " + problem + " at byte offset " + headStart);
  }

  private static long minimumFor(int length) {
    return length == 1 ? 24 : 1L << (length * 4);
  }

  private int nextByte() {
    if (offset >= data.length) {
      throw new MalformedIpldException("DAG-CBOR: truncated input at byte offset " + offset);
    }
    return data[offset++] & 0xff;
  }

  private long bigEndian(int length) {
    long value = 0;
    for (int i = 0; i < length; i++) {
      value = (value << 8) | nextByte();
    }
    return value;
  }
}
