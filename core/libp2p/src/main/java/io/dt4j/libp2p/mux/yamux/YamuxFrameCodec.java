package io.dt4j.libp2p.mux.yamux;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import java.util.List;

/**
 * Parses one whole frame from {@link YamuxFrameDecoder} into a {@link YamuxFrame}, and writes
 * frames as a 12-byte header followed by the payload buffer (no copy). A version other than 0 or an
 * unknown type is a connection-scoped {@link YamuxProtocolException} (libp2p.md §5.1).
 */
public final class YamuxFrameCodec extends MessageToMessageCodec<ByteBuf, YamuxFrame> {
  private static final int VERSION = 0;

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
    int start = frame.readerIndex();
    int version = frame.getUnsignedByte(start);
    if (version != VERSION) {
      throw YamuxProtocolException.protocolError("unsupported yamux version " + version);
    }
    YamuxFrameType type = YamuxFrameType.requireFromCode(frame.getUnsignedByte(start + 1));
    int flags = frame.getUnsignedShort(start + 2);
    long streamId = frame.getUnsignedInt(start + 4);
    long length = frame.getUnsignedInt(start + 8);
    ByteBuf data =
        type == YamuxFrameType.DATA
            ? frame.retainedSlice(start + YamuxFrame.HEADER_LENGTH, (int) length)
            : Unpooled.EMPTY_BUFFER;
    out.add(YamuxFrame.of(type, flags, streamId, length, data));
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, YamuxFrame frame, List<Object> out) {
    ByteBuf header = ctx.alloc().buffer(YamuxFrame.HEADER_LENGTH);
    header.writeByte(VERSION);
    header.writeByte(frame.type().code());
    header.writeShort(frame.flags());
    header.writeInt((int) frame.streamId());
    header.writeInt((int) frame.length());
    out.add(header);
    if (frame.content().isReadable()) {
      out.add(frame.content().retain());
    }
  }
}
