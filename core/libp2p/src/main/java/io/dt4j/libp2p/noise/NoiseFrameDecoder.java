package io.dt4j.libp2p.noise;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import java.util.List;

/**
 * Splits a byte stream into Noise messages (libp2p.md §4.2), for both handshake and transport:
 *
 * <pre>
 *   u16be(len) · len bytes        0 ≤ len ≤ 65535
 * </pre>
 *
 * Emits the bytes as a retained slice; checks lengths only. A frame cut off by the end of the
 * connection is a {@link CorruptedFrameException}.
 *
 * <p>Reads are joined by reference ({@link #COMPOSITE_CUMULATOR}), not copied: a frame of up to
 * 65537 bytes spans two socket reads more often than not, and the default cumulator would copy
 * every read that continues a frame. A frame inside one read is then a slice of it; only a frame
 * that spans reads is joined, by the reader that needs it contiguous.
 */
public final class NoiseFrameDecoder extends ByteToMessageDecoder {
  /** Largest frame body: the u16 maximum. */
  public static final int MAX_FRAME_LENGTH = 0xffff;

  /** Creates a decoder. */
  public NoiseFrameDecoder() {
    setCumulator(COMPOSITE_CUMULATOR);
  }

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    if (in.readableBytes() < 2) {
      return;
    }
    int length = in.getUnsignedShort(in.readerIndex());
    if (in.readableBytes() < 2 + length) {
      return;
    }
    in.skipBytes(2);
    out.add(in.readRetainedSlice(length));
  }

  @Override
  protected void decodeLast(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
    decode(ctx, in, out);
    if (in.isReadable()) {
      int readable = in.readableBytes();
      String expected =
          readable < 2 ? "a 2-byte length" : (2 + in.getUnsignedShort(in.readerIndex())) + " bytes";
      in.skipBytes(readable);
      throw new CorruptedFrameException(
          "connection ended inside a Noise frame: " + readable + " bytes of " + expected);
    }
  }
}
