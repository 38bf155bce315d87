package io.dt4j.libp2p.mux.mplex;

import io.dt4j.libp2p.mux.MuxedStreamListener;
import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;

/**
 * The reading side of an {@link MplexStream}: delivers data, remote close and reset to the listener
 * in order and holds data while no listener is set or reading is paused. When the held bytes pass
 * the limit it tells the session, which stops reading the connection until they drain (mplex has no
 * window). Event-loop only.
 */
final class MplexStreamInbound {
  private final MplexStream stream;
  private final long limit;
  private final ArrayDeque<ByteBuf> buffered = new ArrayDeque<>();
  private long bufferedBytes;
  private boolean overLimit;
  private MuxedStreamListener listener;
  private boolean autoRead = true;
  private boolean remoteClosed;
  private boolean remoteCloseDelivered;
  private String resetReason;
  private boolean resetDelivered;
  private boolean delivering;

  MplexStreamInbound(MplexStream stream, long limit) {
    this.stream = stream;
    this.limit = limit;
  }

  long bufferedBytes() {
    return bufferedBytes;
  }

  boolean remoteClosed() {
    return remoteClosed;
  }

  /** Whether the listener saw every byte and the remote close. */
  boolean fullyRead() {
    return remoteCloseDelivered;
  }

  void setListener(MuxedStreamListener listener) {
    this.listener = listener;
    deliver();
  }

  void setAutoRead(boolean autoRead) {
    this.autoRead = autoRead;
    deliver();
  }

  void receive(ByteBuf data) {
    if (resetReason != null || remoteClosed) {
      data.release();
      return;
    }
    bufferedBytes += data.readableBytes();
    buffered.add(data);
    deliver();
  }

  void remoteClose() {
    remoteClosed = true;
    deliver();
  }

  void reset(String reason, boolean notify) {
    resetReason = reason;
    resetDelivered = !notify;
    for (ByteBuf b; (b = buffered.poll()) != null; ) {
      b.release();
    }
    bufferedBytes = 0;
    deliver();
    checkLimit();
  }

  void fireWritable() {
    if (listener != null && resetReason == null) {
      listener.onWritable();
    }
  }

  /** Delivers what the listener may see now; re-entrant calls from the listener just return. */
  private void deliver() {
    if (delivering || listener == null) {
      checkLimit();
      return;
    }
    delivering = true;
    try {
      while (autoRead && !buffered.isEmpty()) {
        ByteBuf data = buffered.poll();
        bufferedBytes -= data.readableBytes();
        listener.onData(data);
      }
      if (resetReason != null) {
        if (!resetDelivered) {
          resetDelivered = true;
          listener.onReset(resetReason);
        }
      } else if (buffered.isEmpty() && remoteClosed && !remoteCloseDelivered) {
        remoteCloseDelivered = true;
        listener.onRemoteClose();
        stream.maybeFinished();
      }
    } finally {
      delivering = false;
    }
    checkLimit();
  }

  private void checkLimit() {
    boolean over = bufferedBytes > limit;
    if (over != overLimit) {
      overLimit = over;
      stream.session().bufferOverLimit(over);
    }
  }
}
