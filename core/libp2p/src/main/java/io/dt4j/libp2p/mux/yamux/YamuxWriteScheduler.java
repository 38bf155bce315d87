package io.dt4j.libp2p.mux.yamux;

import io.netty.channel.ChannelHandlerContext;
import java.util.ArrayDeque;

/**
 * Writes the streams' queued data frames, one frame per stream in turn (round robin), while the
 * connection is writable, then flushes. Data never enters Netty's outbound buffer beyond its water
 * mark, so control frames (pongs, window updates), which the session writes directly, wait behind
 * at most that much. Event-loop only.
 */
final class YamuxWriteScheduler {
  private final ChannelHandlerContext ctx;
  private final int maxFramePayload;
  private final ArrayDeque<YamuxStream> ready = new ArrayDeque<>();
  private boolean draining;

  YamuxWriteScheduler(ChannelHandlerContext ctx, int maxFramePayload) {
    this.ctx = ctx;
    this.maxFramePayload = maxFramePayload;
  }

  /** Queues a stream that has something to send, then writes what the connection takes. */
  void schedule(YamuxStream stream) {
    if (!stream.queuedForDrain) {
      stream.queuedForDrain = true;
      ready.add(stream);
    }
    drain();
  }

  /** Writes frames while the connection is writable; re-entrant calls return at once. */
  void drain() {
    if (draining) {
      return;
    }
    draining = true;
    boolean wrote = false;
    try {
      while (ctx.channel().isWritable()) {
        YamuxStream stream = ready.poll();
        if (stream == null) {
          break;
        }
        stream.queuedForDrain = false;
        if (stream.isReset() || !stream.hasSendable()) {
          continue;
        }
        stream.writeNextFrame(ctx, maxFramePayload);
        wrote = true;
        if (stream.hasSendable()) {
          stream.queuedForDrain = true;
          ready.add(stream);
        }
      }
    } finally {
      draining = false;
    }
    if (wrote) {
      ctx.flush();
    }
  }

  void clear() {
    ready.clear();
  }
}
