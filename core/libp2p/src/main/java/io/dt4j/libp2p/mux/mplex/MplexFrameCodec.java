package io.dt4j.libp2p.mux.mplex;

import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Varint;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Parses one whole message from {@link MplexFrameDecoder} into an {@link MplexFrame}, and writes
 * frames as the two varints followed by the data buffer (no copy). An unknown flag or a non-minimal
 * varint is a connection-scoped {@link MplexProtocolException}.
 */
public final class MplexFrameCodec extends MessageToMessageCodec<ByteBuf, MplexFrame> {

  @Override
  protected void decode(ChannelHandlerContext ctx, ByteBuf message, List<Object> out) {
    // the two varints only: the whole message may span buffers, and viewing it as one would copy it
    ByteBuffer nio =
        message.nioBuffer(
            message.readerIndex(), Math.min(message.readableBytes(), 2 * Varint.MAX_LENGTH));
    long header;
    long length;
    try {
      header = Varint.read(nio);
      length = Varint.read(nio);
    } catch (MalformedIpldException e) {
      throw new MplexProtocolException("malformed mplex header: " + e.getMessage());
    }
    MplexFlag flag = MplexFlag.requireFromCode((int) (header & 0x7));
    int bodyStart = message.readerIndex() + nio.position();
    out.add(MplexFrame.of(header >>> 3, flag, message.retainedSlice(bodyStart, (int) length)));
  }

  @Override
  protected void encode(ChannelHandlerContext ctx, MplexFrame frame, List<Object> out) {
    byte[] header = Varint.encode(frame.streamId() << 3 | frame.flag().code());
    byte[] length = Varint.encode(frame.content().readableBytes());
    out.add(
        ctx.alloc().buffer(header.length + length.length).writeBytes(header).writeBytes(length));
    if (frame.content().isReadable()) {
      out.add(frame.content().retain());
    }
  }
}
