package io.dt4j.libp2p.testing;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Test stage: copies every inbound byte, releases the buffers, records exceptions. */
public final class CapturingHandler extends ChannelInboundHandlerAdapter {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final List<Throwable> errors = new ArrayList<>();

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      ByteBuf buf = (ByteBuf) msg;
      byte[] copy = new byte[buf.readableBytes()];
      buf.getBytes(buf.readerIndex(), copy);
      synchronized (bytes) {
        bytes.writeBytes(copy);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    synchronized (errors) {
      errors.add(cause);
    }
  }

  /** Returns a copy of everything received so far. */
  public byte[] received() {
    synchronized (bytes) {
      return bytes.toByteArray();
    }
  }

  /** Returns the exceptions seen so far. */
  public List<Throwable> errors() {
    synchronized (errors) {
      return List.copyOf(errors);
    }
  }
}
