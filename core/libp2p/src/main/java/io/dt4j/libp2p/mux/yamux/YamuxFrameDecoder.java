package io.dt4j.libp2p.mux.yamux;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts the connection's bytes into whole yamux frames (libp2p.md §5.1): a 12-byte header, plus
 * {@code length} body bytes when the type is DATA. It checks lengths only; {@link YamuxFrameCodec}
 * parses the header.
 *
 * <pre>
 *  byte 0   1      2..3    4..7        8..11         12..
 *  | ver | type | flags | stream id | length     | body (type 0 only: length bytes) |
 * </pre>
 *
 * A DATA length above {@code maxDataLength} fails fast with a connection-scoped {@link
 * YamuxProtocolException}; the decoder then discards everything that follows.
 *
 * <p>The decrypted buffers are joined by reference ({@link #COMPOSITE_CUMULATOR}), never copied: a
 * 64 KiB frame spans two Noise messages (65519 bytes of plaintext each), and the default cumulator
 * would copy it whole, once per message it spans. A frame's payload may so consist of several
 * buffers; readers take its {@code nioBuffers()}.
 */
public final class YamuxFrameDecoder extends ByteToMessageDecoder {
  private static final int TYPE_OFFSET = 1;
  private static final int LENGTH_OFFSET = 8;

  private final int maxDataLength;
  private boolean corrupted;

  /**
   * Creates a decoder.
   *
   * @param maxDataLength the largest DATA payload accepted; a valid peer never sends more than the
   *     maximum stream window
   */
  public YamuxFrameDecoder(int maxDataLength) {
    this.maxDataLength = maxDataLength;
    setCumulator(COMPOSITE_CUMULATOR);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (corrupted) {
      in.skipBytes(in.readableBytes());
      return;
    }
    if (in.readableBytes() < YamuxFrame.HEADER_LENGTH) {
      return;
    }
    int start = in.readerIndex();
    boolean hasBody = in.getUnsignedByte(start + TYPE_OFFSET) == YamuxFrameType.DATA.code();
    long bodyLength = hasBody ? in.getUnsignedInt(start + LENGTH_OFFSET) : 0;
    if (bodyLength > maxDataLength) {
      corrupted = true;
      in.skipBytes(in.readableBytes());
      throw YamuxProtocolException.frameTooLong(bodyLength, maxDataLength);
    }
    int frameLength = YamuxFrame.HEADER_LENGTH + (int) bodyLength;
    if (in.readableBytes() < frameLength) {
      return;
    }
    out.add(in.readRetainedSlice(frameLength));
  }
}
