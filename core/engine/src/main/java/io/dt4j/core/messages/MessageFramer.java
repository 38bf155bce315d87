package io.dt4j.core.messages;

import java.util.Arrays;

/**
 * Finds where one message ends in a stream of concatenated CBOR items (data-transfer.md §1.2: no
 * length prefix; the item's own structure delimits it). It reads only heads and lengths; the {@link
 * MessageCodec} then checks the item strictly. Bytes beyond a limit without a complete item are an
 * error, so a peer cannot make a receiver buffer without bound.
 */
public final class MessageFramer {
  private static final int MAX_DEPTH = WireReader.MAX_DEPTH + 8;

  private final int maxMessageBytes;
  private byte[] buffer = new byte[256];
  private int length;

  /**
   * Creates a framer.
   *
   * @param maxMessageBytes the largest message accepted
   */
  public MessageFramer(int maxMessageBytes) {
    this.maxMessageBytes = maxMessageBytes;
  }

  /**
   * Adds received bytes.
   *
   * @param data the bytes, from position to limit
   * @throws MalformedMessageException if the pending bytes exceed twice the limit
   */
  public void add(java.nio.ByteBuffer data) throws MalformedMessageException {
    int n = data.remaining();
    // callers take every complete message after each add, so what is pending is one partial
    // message: more than the limit of it can only be a peer that sends an oversized one
    if ((long) length + n > 2L * maxMessageBytes) {
      throw new MalformedMessageException(
          "message larger than " + maxMessageBytes + " bytes (" + (length + n) + " pending)");
    }
    if (length + n > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + n));
    }
    data.get(buffer, length, n);
    length += n;
  }

  /**
   * Takes the next complete message's bytes, if the buffer holds one.
   *
   * @return the bytes of one CBOR item, or empty if more bytes are needed
   * @throws MalformedMessageException if the bytes cannot start a valid item, or the item exceeds
   *     the limit
   */
  public java.util.Optional<byte[]> next() throws MalformedMessageException {
    int end = itemEnd(0, 0);
    if (end < 0) {
      if (length > maxMessageBytes) {
        throw new MalformedMessageException("message larger than " + maxMessageBytes + " bytes");
      }
      return java.util.Optional.empty();
    }
    if (end > maxMessageBytes) {
      throw new MalformedMessageException(
          "message of " + end + " bytes, over the limit of " + maxMessageBytes);
    }
    byte[] item = Arrays.copyOf(buffer, end);
    System.arraycopy(buffer, end, buffer, 0, length - end);
    length -= end;
    return java.util.Optional.of(item);
  }

  /** Returns whether bytes are pending that do not form a complete message. */
  public boolean hasPartialMessage() {
    return length > 0;
  }

  /** Returns the end offset of the item at {@code at}, or -1 if more bytes are needed. */
  private int itemEnd(int at, int depth) throws MalformedMessageException {
    if (depth > MAX_DEPTH) {
      throw new MalformedMessageException("message nested deeper than " + MAX_DEPTH);
    }
    if (at >= length) {
      return -1;
    }
    int initial = buffer[at] & 0xff;
    int major = initial >>> 5;
    int info = initial & 0x1f;
    int headLength = info < 24 ? 1 : info <= 27 ? 1 + (1 << (info - 24)) : -2;
    if (headLength == -2) {
      throw new MalformedMessageException(
          "indefinite-length or reserved CBOR item at byte offset " + at);
    }
    if (at + headLength > length) {
      return -1;
    }
    long argument = info < 24 ? info : bigEndian(at + 1, headLength - 1);
    int next = at + headLength;
    return switch (major) {
      // an argument of 2^63 or more is negative here: over the limit too, never an end offset
      case 2, 3 ->
          argument < 0 || argument > maxMessageBytes
              ? overLimit(argument)
              : endOrMore(next + argument);
      case 4, 5 -> children(next, major == 5 ? argument * 2 : argument, depth);
      case 6 -> itemEnd(next, depth + 1);
      default -> next;
    };
  }

  private int children(int at, long count, int depth) throws MalformedMessageException {
    if (count < 0 || count > maxMessageBytes) {
      return overLimit(count);
    }
    int position = at;
    for (long i = 0; i < count; i++) {
      position = itemEnd(position, depth + 1);
      if (position < 0) {
        return -1;
      }
    }
    return position;
  }

  private int endOrMore(long end) {
    return end > length ? -1 : (int) end;
  }

  private int overLimit(long declared) throws MalformedMessageException {
    throw new MalformedMessageException(
        "CBOR item declares "
            + Long.toUnsignedString(declared)
            + " entries or bytes, over the limit of "
            + maxMessageBytes);
  }

  private long bigEndian(int from, int n) {
    long value = 0;
    for (int i = 0; i < n; i++) {
      value = (value << 8) | (buffer[from + i] & 0xff);
    }
    return value;
  }
}
