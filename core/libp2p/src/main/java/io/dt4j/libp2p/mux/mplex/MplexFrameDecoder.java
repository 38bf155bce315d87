package io.dt4j.libp2p.mux.mplex;

import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Varint;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts the connection's bytes into whole mplex messages (libp2p.md §6.1): a header uvarint, a
 * length uvarint, and that many bytes. It checks lengths only; {@link MplexFrameCodec} parses the
 * header.
 *
 * <pre>
 * | header uvarint (1..9 bytes) | length uvarint (1..9 bytes) | length bytes |
 * </pre>
 *
 * A varint over 9 bytes or a length above {@code maxMessageSize} (js and go: 1 MiB, after which js
 * closes the connection) fails fast with a connection-scoped {@link MplexProtocolException}; the
 * decoder then discards everything that follows.
 *
 * <p>The decrypted buffers are joined by reference ({@link #COMPOSITE_CUMULATOR}), never copied: a
 * message spans Noise messages (65519 bytes of plaintext each), and the default cumulator would
 * copy it whole, once per Noise message it spans. A message's data may so consist of several
 * buffers; readers take its {@code nioBuffers()}.
 */
public final class MplexFrameDecoder extends ByteToMessageDecoder {
  private final int maxMessageSize;
  private boolean corrupted;

  /**
   * Creates a decoder.
   *
   * @param maxMessageSize the largest message data accepted
   */
  public MplexFrameDecoder(int maxMessageSize) {
    this.maxMessageSize = maxMessageSize;
    setCumulator(COMPOSITE_CUMULATOR);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (corrupted) {
      in.skipBytes(in.readableBytes());
      return;
    }
    int start = in.readerIndex();
    int headerBytes = varintBytes(in, start);
    if (headerBytes == 0) {
      return;
    }
    int lengthBytes = varintBytes(in, start + headerBytes);
    if (lengthBytes == 0) {
      return;
    }
    long length = readLength(in, start + headerBytes, lengthBytes);
    if (length > maxMessageSize) {
      throw fail(in, "mplex message of " + length + " bytes exceeds the maximum " + maxMessageSize);
    }
    long frameBytes = headerBytes + lengthBytes + length;
    if (in.readableBytes() < frameBytes) {
      return;
    }
    out.add(in.readRetainedSlice((int) frameBytes));
  }

  /** Returns the size of the varint at {@code index}, or 0 if it is not complete yet. */
  private int varintBytes(ByteBuf in, int index) {
    int available = in.writerIndex() - index;
    for (int i = 0; i < Varint.MAX_LENGTH; i++) {
      if (i >= available) {
        return 0;
      }
      if ((in.getByte(index + i) & 0x80) == 0) {
        return i + 1;
      }
    }
    throw fail(in, "mplex varint longer than " + Varint.MAX_LENGTH + " bytes");
  }

  private long readLength(ByteBuf in, int index, int bytes) {
    try {
      return Varint.read(in.nioBuffer(index, bytes));
    } catch (MalformedIpldException e) {
      throw fail(in, "malformed mplex length: " + e.getMessage());
    }
  }

  private MplexProtocolException fail(ByteBuf in, String message) {
    corrupted = true;
    in.skipBytes(in.readableBytes());
    return new MplexProtocolException(message);
  }
}
