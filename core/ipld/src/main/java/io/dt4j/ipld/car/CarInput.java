package io.dt4j.ipld.car;

import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Varint;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * The byte source under {@link CarReader}: counts the offset from the start of the file and stops
 * at an optional end (the end of a CARv2's inner payload), so every error can name where it is.
 */
final class CarInput implements AutoCloseable {
  private static final int BUFFER_SIZE = 64 * 1024;

  private final InputStream in;
  private long offset;
  private long end = Long.MAX_VALUE;

  CarInput(InputStream in) {
    this.in = new BufferedInputStream(in, BUFFER_SIZE);
  }

  long offset() {
    return offset;
  }

  long end() {
    return end;
  }

  /** Makes the input end at an absolute offset, as if the file stopped there. */
  void endAt(long absoluteEnd) {
    this.end = absoluteEnd;
  }

  /** Returns the next byte, or -1 at the end of the stream or at the set end. */
  int read() throws IOException {
    if (offset >= end) {
      return -1;
    }
    int b = in.read();
    if (b >= 0) {
      offset++;
    }
    return b;
  }

  /** Fills the array as far as the input allows and returns how many bytes were read. */
  int readFully(byte[] into) throws IOException {
    int wanted = (int) Math.min(into.length, end - offset);
    int read = in.readNBytes(into, 0, wanted);
    offset += read;
    return read;
  }

  /**
   * Reads up to {@code length} bytes, fewer at the end of the input, allocating only for bytes that
   * arrive: a section length is a claim, and a short file must not make the reader allocate it.
   */
  byte[] readUpTo(int length) throws IOException {
    byte[] read = in.readNBytes((int) Math.min(length, end - offset));
    offset += read.length;
    return read;
  }

  /** Skips forward and returns how many bytes were skipped (fewer at the end of the input). */
  long skip(long count) throws IOException {
    long wanted = Math.min(count, end - offset);
    long skipped = 0;
    while (skipped < wanted) {
      long step = in.skip(wanted - skipped);
      if (step <= 0) {
        if (in.read() < 0) {
          break;
        }
        step = 1;
      }
      skipped += step;
    }
    offset += skipped;
    return skipped;
  }

  /**
   * Reads one varint; returns -1 if the input ends before its first byte. The bytes are collected
   * up to the first without a continuation bit and then decoded by {@link Varint}.
   */
  long readVarint(String what) throws IOException {
    long start = offset;
    byte[] bytes = new byte[Varint.MAX_LENGTH];
    int count = 0;
    while (count < bytes.length) {
      int b = read();
      if (b < 0) {
        if (count == 0) {
          return -1;
        }
        throw new CarFormatException(start, "truncated varint for the " + what);
      }
      bytes[count++] = (byte) b;
      if ((b & 0x80) == 0) {
        break;
      }
    }
    try {
      return Varint.read(ByteBuffer.wrap(bytes, 0, count));
    } catch (MalformedIpldException e) {
      String why =
          (bytes[count - 1] & 0x80) != 0
              ? "longer than " + Varint.MAX_LENGTH + " bytes"
              : "not minimally encoded";
      throw new CarFormatException(start, "bad varint for the " + what + ": " + why, e);
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
