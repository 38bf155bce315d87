package io.dt4j.ipld.cbor;

import io.dt4j.ipld.MalformedIpldException;

/**
 * Reads CBOR heads from a byte array, tracking the byte offset for error messages: the one CBOR
 * token layer of dt4j (DAG-CBOR, data-transfer messages). Rejects what DAG-CBOR and Go's cbor-gen
 * forbid at the token level: indefinite lengths, reserved additional info and arguments that are
 * not in their shortest form. Content is returned as raw bytes, so text strings that are not UTF-8
 * (cbor-gen writes peer ids that way) survive unchanged.
 */
public final class CborReader {
  private final byte[] data;
  private final String format;
  private int offset;
  private int headStart;
  private int major;
  private int info;
  private long argument;

  /**
   * Reads DAG-CBOR.
   *
   * @param data the input
   */
  public CborReader(byte[] data) {
    this(data, "DAG-CBOR");
  }

  /**
   * Reads CBOR of a named format.
   *
   * @param data the input
   * @param format the name errors start with, e.g. {@code data-transfer message}
   */
  public CborReader(byte[] data, String format) {
    this.data = data;
    this.format = format;
  }

  /** Reads the next head; afterwards {@link #major()}, {@link #info()}, {@link #argument()}. */
  public void readHead() {
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
      throw error("indefinite-length items are not allowed");
    } else {
      throw error("reserved additional information value " + info);
    }
  }

  /** Returns the major type of the last head (0–7). */
  public int major() {
    return major;
  }

  /** Returns the additional information of the last head. */
  public int info() {
    return info;
  }

  /** The head's argument as an unsigned 64-bit value. */
  public long argument() {
    return argument;
  }

  /** Returns the offset where the last head started. */
  public int headStart() {
    return headStart;
  }

  /** Returns the offset of the next byte to read. */
  public int offset() {
    return offset;
  }

  /** Returns whether all input was read. */
  public boolean atEnd() {
    return offset == data.length;
  }

  /**
   * Returns the next {@code length} bytes, failing before allocating if they are not there.
   *
   * @param length the number of bytes, as an unsigned head argument
   * @return a copy of the bytes
   */
  public byte[] content(long length) {
    if (length < 0 || length > data.length - offset) {
      throw error("truncated: needs " + Long.toUnsignedString(length) + " content bytes");
    }
    byte[] content = new byte[(int) length];
    System.arraycopy(data, offset, content, 0, content.length);
    offset += content.length;
    return content;
  }

  /**
   * Fails if {@code count} items cannot fit in what is left (each takes at least one byte).
   *
   * @param count the declared number of items
   */
  public void requireItems(long count) {
    if (count < 0 || count > data.length - offset) {
      throw error(
          "truncated: declares "
              + Long.toUnsignedString(count)
              + " items but only "
              + (data.length - offset)
              + " bytes remain");
    }
  }

  /**
   * Returns an error about the last head, naming the format and its offset.
   *
   * @param problem what is wrong
   * @return the exception to throw
   */
  public MalformedIpldException error(String problem) {
    return new MalformedIpldException(format + ": " + problem + " at byte offset " + headStart);
  }

  private static long minimumFor(int length) {
    return length == 1 ? 24 : 1L << (length * 4);
  }

  private int nextByte() {
    if (offset >= data.length) {
      throw new MalformedIpldException(format + ": truncated input at byte offset " + offset);
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
