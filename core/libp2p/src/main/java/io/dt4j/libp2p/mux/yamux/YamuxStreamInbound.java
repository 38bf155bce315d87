package io.dt4j.libp2p.mux.yamux;

import io.dt4j.libp2p.mux.MuxedStreamListener;
import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;

/**
 * The reading side of a {@link YamuxStream}: delivers data, remote close and reset to the listener
 * in order, holds data while no listener is set or reading is paused, and grants window back only
 * for data delivered. A paused reader therefore stops the remote writer after one window:
 * end-to-end back-pressure with memory bounded by the window. Event-loop only.
 */
final class YamuxStreamInbound {
  private final YamuxStream stream;
  private final YamuxReceiveWindow window;
  private final ArrayDeque<ByteBuf> buffered = new ArrayDeque<>();
  private long bufferedBytes;
  private MuxedStreamListener listener;
  private boolean autoRead = true;
  private boolean remoteClosed;
  private boolean remoteCloseDelivered;
  private String resetReason;
  private boolean resetDelivered;
  private boolean delivering;

  YamuxStreamInbound(YamuxStream stream, YamuxReceiveWindow window) {
    this.stream = stream;
    this.window = window;
  }

  YamuxReceiveWindow window() {
    return window;
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
  }

  void fireWritable() {
    if (listener != null && resetReason == null) {
      listener.onWritable();
    }
  }

  /** Delivers what the listener may see now; re-entrant calls from the listener just return. */
  private void deliver() {
    if (delivering || listener == null) {
      return;
    }
    delivering = true;
    try {
      while (autoRead && !buffered.isEmpty()) {
        ByteBuf data = buffered.poll();
        bufferedBytes -= data.readableBytes();
        window.consumed(data.readableBytes());
        listener.onData(data);
      }
      if (resetReason != null) {
        if (!resetDelivered) {
          resetDelivered = true;
          listener.onReset(resetReason);
        }
        return;
      }
      if (buffered.isEmpty() && remoteClosed && !remoteCloseDelivered) {
        remoteCloseDelivered = true;
        listener.onRemoteClose();
        stream.maybeFinished();
      }
      if (autoRead && !remoteClosed) {
        long delta = window.takeUpdate(System.nanoTime(), stream.session().rttNanos());
        if (delta > 0) {
          stream.grantWindow(delta);
        }
      }
    } finally {
      delivering = false;
    }
  }
}
