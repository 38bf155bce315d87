package io.dt4j.libp2p.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;

/** Byte helpers for EmbeddedChannel tests. */
public final class Bytes {
  private Bytes() {}

  /** Returns a heap buffer holding the hex bytes. */
  public static ByteBuf hex(String hex) {
    return Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex));
  }

  /** Drains and releases every outbound buffer of the channel, returning their bytes as hex. */
  public static String drainOutbound(EmbeddedChannel channel) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object msg = channel.readOutbound(); msg != null; msg = channel.readOutbound()) {
      ByteBuf buf = (ByteBuf) msg;
      try {
        byte[] copy = new byte[buf.readableBytes()];
        buf.readBytes(copy);
        out.writeBytes(copy);
      } finally {
        buf.release();
      }
    }
    return HexFormat.of().formatHex(out.toByteArray());
  }

  /** Moves all outbound bytes of one channel into the other's inbound side. */
  public static int shuttle(EmbeddedChannel from, EmbeddedChannel to) {
    int moved = 0;
    for (Object msg = from.readOutbound(); msg != null; msg = from.readOutbound()) {
      moved += ((ByteBuf) msg).readableBytes();
      to.writeInbound(msg);
    }
    return moved;
  }

  /** Moves all outbound bytes of one channel into the other's inbound side as one buffer. */
  public static int shuttleMerged(EmbeddedChannel from, EmbeddedChannel to) {
    io.netty.buffer.CompositeByteBuf merged = from.alloc().compositeBuffer();
    for (Object msg = from.readOutbound(); msg != null; msg = from.readOutbound()) {
      merged.addComponent(true, (ByteBuf) msg);
    }
    int moved = merged.readableBytes();
    if (moved > 0) {
      to.writeInbound(merged);
    } else {
      merged.release();
    }
    return moved;
  }

  /** Lets two channels talk until neither has anything to send. */
  public static void converse(EmbeddedChannel a, EmbeddedChannel b) {
    int moved;
    do {
      a.runPendingTasks();
      b.runPendingTasks();
      moved = shuttle(a, b) + shuttle(b, a);
    } while (moved > 0);
  }
}
