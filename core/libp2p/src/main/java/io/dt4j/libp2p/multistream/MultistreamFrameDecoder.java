package io.dt4j.libp2p.multistream;

import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Varint;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import java.util.List;

/**
 * Splits a byte stream into multistream-select messages (libp2p.md §3.1):
 *
 * <pre>
 *   uvarint(N) · N bytes        e.g. 03 6e 61 0a  ("na\n")
 * </pre>
 *
 * Emits the N bytes as a retained slice and checks lengths only: a length over the limit is a
 * {@link TooLongFrameException}, a malformed length prefix a {@link CorruptedFrameException}; the
 * message content is checked by the negotiator. When the negotiator removes this decoder, bytes it
 * holds beyond the last message are passed on to the next handler ({@link
 * ByteToMessageDecoder#handlerRemoved}).
 */
public final class MultistreamFrameDecoder extends ByteToMessageDecoder {
  /** go-multistream and js both reject messages over 1024 bytes. */
  public static final int DEFAULT_MAX_LENGTH = 1024;

  private final int maxLength;
  private final int maxPrefixLength;

  /** Creates a decoder with the 1024-byte limit. */
  public MultistreamFrameDecoder() {
    this(DEFAULT_MAX_LENGTH);
  }

  /**
   * Creates a decoder.
   *
   * @param maxLength the largest message accepted, newline included
   */
  public MultistreamFrameDecoder(int maxLength) {
    this.maxLength = maxLength;
    this.maxPrefixLength = Varint.encodedLength(maxLength);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
    int start = in.readerIndex();
    int prefixLength = prefixLength(in, start);
    if (prefixLength == 0) {
      return;
    }
    long length = length(in, start, prefixLength);
    if (length > maxLength) {
      throw tooLong(length);
    }
    if (in.readableBytes() < prefixLength + length) {
      return;
    }
    in.skipBytes(prefixLength);
    out.add(in.readRetainedSlice((int) length));
  }

  private static long length(ByteBuf in, int start, int prefixLength) {
    try {
      return Varint.read(in.nioBuffer(start, prefixLength));
    } catch (MalformedIpldException e) {
      // e.g. a non-minimal varint: go-multistream rejects it too; a decoder error, not a crash
      throw new CorruptedFrameException("malformed multistream length prefix: " + e.getMessage());
    }
  }

  /** Returns the varint length, or 0 if incomplete; fails once the prefix cannot fit the limit. */
  private int prefixLength(ByteBuf in, int start) throws TooLongFrameException {
    int available = Math.min(in.readableBytes(), maxPrefixLength);
    for (int i = 0; i < available; i++) {
      if ((in.getByte(start + i) & 0x80) == 0) {
        return i + 1;
      }
    }
    if (available == maxPrefixLength) {
      throw new TooLongFrameException(
          "multistream message length prefix exceeds "
              + maxPrefixLength
              + " bytes (max message "
              + maxLength
              + ")");
    }
    return 0;
  }

  private TooLongFrameException tooLong(long length) {
    return new TooLongFrameException(
        "multistream message of " + length + " bytes exceeds the limit of " + maxLength);
  }
}
