package io.dt4j.demo;

import java.io.InputStream;
import java.util.SplittableRandom;

/**
 * A stream of {@code size} pseudo-random bytes, the same for the same seed on every JVM ({@link
 * SplittableRandom}'s sequence is specified): a test file of any size that is never held in memory
 * and compresses to nothing.
 */
public final class PseudoRandomBytes extends InputStream {
  private final SplittableRandom random;
  private long remaining;
  private long word;
  private int wordBytes;

  /**
   * @param size how many bytes the stream gives
   * @param seed what chooses the bytes
   */
  public PseudoRandomBytes(long size, long seed) {
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative: " + size);
    }
    this.random = new SplittableRandom(seed);
    this.remaining = size;
  }

  @Override
  public int read() {
    if (remaining == 0) {
      return -1;
    }
    remaining--;
    return nextByte();
  }

  @Override
  public int read(byte[] buffer, int offset, int length) {
    java.util.Objects.checkFromIndexSize(offset, length, buffer.length);
    if (length == 0) {
      return 0;
    }
    if (remaining == 0) {
      return -1;
    }
    int n = (int) Math.min(length, remaining);
    int i = 0;
    while (i < n && wordBytes > 0) {
      buffer[offset + i++] = (byte) nextByte();
    }
    // whole words at once: the same bytes as nextByte() would give, lowest first
    for (; n - i >= Long.BYTES; i += Long.BYTES) {
      long value = random.nextLong();
      for (int k = 0; k < Long.BYTES; k++) {
        buffer[offset + i + k] = (byte) (value >>> (8 * k));
      }
    }
    while (i < n) {
      buffer[offset + i++] = (byte) nextByte();
    }
    remaining -= n;
    return n;
  }

  @Override
  public int available() {
    return (int) Math.min(Integer.MAX_VALUE, remaining);
  }

  /** The next byte of the sequence: the bytes of each long, lowest first. */
  private int nextByte() {
    if (wordBytes == 0) {
      word = random.nextLong();
      wordBytes = Long.BYTES;
    }
    int b = (int) (word & 0xff);
    word >>>= 8;
    wordBytes--;
    return b;
  }
}
