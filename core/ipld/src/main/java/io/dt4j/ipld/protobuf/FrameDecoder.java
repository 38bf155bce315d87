package io.dt4j.ipld.protobuf;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Splits a byte stream into uvarint-length-delimited frames: {@code uvarint(length) · bytes},
 * repeated (protobuf's "delimited" form, go-msgio's varint framing, graphsync spec §1). Bytes may
 * arrive in chunks of any size. A frame's length is checked against the limit before anything is
 * allocated, and the frame's buffer then grows with the bytes that arrive (from {@value
 * #INITIAL_FRAME_BYTES} bytes, by four, to the whole frame once half of it is due): a length prefix
 * is only a claim, so a peer that sends prefixes without bodies makes the reader allocate at most
 * eight times what it sent. Not thread-safe: one decoder per stream, fed in order.
 */
public final class FrameDecoder {
  private static final int MAX_PREFIX_LENGTH = 10;

  /** Buffer allocated for a frame before its bytes arrive: most frames fit, no copy. */
  static final int INITIAL_FRAME_BYTES = 64 * 1024;

  private final int maxFrameLength;
  private long consumed;
  private long prefixValue;
  private int prefixLength;
  private long prefixStart;
  private byte[] frame;
  private int frameLength;
  private int filled;

  /**
   * Creates a decoder.
   *
   * @param maxFrameLength the largest frame accepted, in bytes (without the prefix)
   */
  public FrameDecoder(int maxFrameLength) {
    if (maxFrameLength < 0) {
      throw new IllegalArgumentException("maxFrameLength must not be negative");
    }
    this.maxFrameLength = maxFrameLength;
  }

  /**
   * Returns the uvarint length prefix of a frame.
   *
   * @param length the frame's length
   * @return the prefix bytes
   */
  public static byte[] lengthPrefix(int length) {
    if (length < 0) {
      throw new IllegalArgumentException("length must not be negative");
    }
    return ProtobufWriter.encodeVarint(length);
  }

  /**
   * Consumes all the bytes of a chunk, handing each completed frame to the sink, in order.
   *
   * @param data the chunk, from position to limit; consumed entirely unless an error is thrown
   * @param sink receives each complete frame (a new array it may keep)
   * @throws MalformedProtobufException if a length prefix is malformed (over 10 bytes, not minimal)
   *     or declares more than the limit; the decoder is then unusable
   */
  public void decode(ByteBuffer data, Consumer<byte[]> sink) {
    while (data.hasRemaining()) {
      if (frame == null) {
        readPrefixByte(data.get());
        if (frame != null && frameLength == 0) {
          emit(sink);
        }
      } else {
        int n = Math.min(data.remaining(), frameLength - filled);
        if (filled + n > frame.length) {
          frame = Arrays.copyOf(frame, grownLength(filled + n));
        }
        data.get(frame, filled, n);
        filled += n;
        consumed += n;
        if (filled == frameLength) {
          emit(sink);
        }
      }
    }
  }

  /**
   * Tells whether bytes of an unfinished frame are held (at the end of a stream: a cut message).
   *
   * @return true if a prefix or frame is partly read
   */
  public boolean hasPartialFrame() {
    return prefixLength > 0 || frame != null;
  }

  private void readPrefixByte(byte value) {
    if (prefixLength == 0) {
      prefixStart = consumed;
    }
    int b = value & 0xff;
    consumed++;
    if (prefixLength == MAX_PREFIX_LENGTH - 1 && b > 1) {
      throw malformed("overflows 64 bits");
    }
    prefixValue |= (long) (b & 0x7f) << (7 * prefixLength);
    prefixLength++;
    if ((b & 0x80) != 0) {
      return;
    }
    if (b == 0 && prefixLength > 1) {
      throw malformed("is not minimally encoded");
    }
    if (prefixValue < 0 || prefixValue > maxFrameLength) {
      throw new MalformedProtobufException(
          "frame length "
              + Long.toUnsignedString(prefixValue)
              + " at stream offset "
              + prefixStart
              + " is over the limit of "
              + maxFrameLength
              + " bytes");
    }
    frameLength = (int) prefixValue;
    frame = new byte[Math.min(frameLength, INITIAL_FRAME_BYTES)];
    filled = 0;
    prefixValue = 0;
    prefixLength = 0;
  }

  /**
   * The next buffer size for a frame that needs {@code needed} bytes: four times the current one,
   * or the whole frame once that is at least half of it. So a 1 MiB block message costs two copies
   * of what came before (64 KiB, 256 KiB) instead of five, and a peer still makes the reader hold
   * at most eight times what it sent.
   */
  private int grownLength(int needed) {
    long grown = Math.max(needed, 4L * frame.length);
    return grown * 2 >= frameLength ? frameLength : (int) grown;
  }

  private void emit(Consumer<byte[]> sink) {
    byte[] complete = frame;
    frame = null;
    filled = 0;
    sink.accept(complete);
  }

  private MalformedProtobufException malformed(String problem) {
    return new MalformedProtobufException(
        "frame length prefix at stream offset " + prefixStart + " " + problem);
  }
}
