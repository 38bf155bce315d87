package io.dt4j.libp2p.mux;

import io.netty.buffer.ByteBuf;
import java.util.ArrayDeque;

/**
 * The reading side of a muxed stream, the same for every muxer: delivers data, the remote close and
 * a reset to the listener in order, and holds data while no listener is set or reading is paused.
 * What a muxer does about held data — grant flow-control window back (yamux), or stop reading the
 * connection past a limit (mplex, which has no window) — is in its hooks. Event-loop only; a
 * listener that calls back into the stream re-enters safely.
 */
public abstract class StreamInbound {
  private final ArrayDeque<ByteBuf> buffered = new ArrayDeque<>();
  private long bufferedBytes;
  private MuxedStreamListener listener;
  private boolean autoRead = true;
  private boolean remoteClosed;
  private boolean remoteCloseDelivered;
  private String resetReason;
  private boolean resetDelivered;
  private boolean delivering;

  /** Creates the reading side of a new stream. */
  protected StreamInbound() {}

  /** Returns the bytes held for the listener. */
  public long bufferedBytes() {
    return bufferedBytes;
  }

  /** Returns whether the remote side closed its writing half. */
  public boolean remoteClosed() {
    return remoteClosed;
  }

  /** Returns whether the listener saw every byte and the remote close. */
  public boolean fullyRead() {
    return remoteCloseDelivered;
  }

  /**
   * Sets the listener; held data goes to it first.
   *
   * @param listener the listener
   */
  public void setListener(MuxedStreamListener listener) {
    this.listener = listener;
    deliver();
  }

  /**
   * Pauses or resumes delivery.
   *
   * @param autoRead false to hold data
   */
  public void setAutoRead(boolean autoRead) {
    this.autoRead = autoRead;
    deliver();
  }

  /**
   * Data arrived for the stream; dropped after a reset or the remote close.
   *
   * @param data the bytes, owned from here on
   */
  public void receive(ByteBuf data) {
    if (resetReason != null || remoteClosed) {
      data.release();
      return;
    }
    bufferedBytes += data.readableBytes();
    buffered.add(data);
    deliver();
  }

  /** The remote side closed its writing half. */
  public void remoteClose() {
    remoteClosed = true;
    deliver();
  }

  /**
   * The stream was reset: held data is dropped.
   *
   * @param reason why
   * @param notify whether the listener hears of it (not for a local reset)
   */
  public void reset(String reason, boolean notify) {
    resetReason = reason;
    resetDelivered = !notify;
    for (ByteBuf b; (b = buffered.poll()) != null; ) {
      b.release();
    }
    bufferedBytes = 0;
    deliver();
  }

  /** Tells the listener that the stream is writable again. */
  public void fireWritable() {
    if (listener != null && resetReason == null) {
      listener.onWritable();
    }
  }

  /**
   * Bytes were handed to the listener.
   *
   * @param bytes how many
   */
  protected void delivered(int bytes) {}

  /** All held data was delivered and reading is on: the muxer may let the peer send more. */
  protected void readyForMore() {}

  /** The amount of held data may have changed. */
  protected void bufferChanged() {}

  /** The listener saw the remote close after all data. */
  protected abstract void remoteCloseDelivered();

  /** Delivers what the listener may see now; re-entrant calls from the listener just return. */
  private void deliver() {
    if (delivering || listener == null) {
      bufferChanged();
      return;
    }
    delivering = true;
    try {
      while (autoRead && !buffered.isEmpty()) {
        ByteBuf data = buffered.poll();
        bufferedBytes -= data.readableBytes();
        delivered(data.readableBytes());
        listener.onData(data);
      }
      if (resetReason != null) {
        if (!resetDelivered) {
          resetDelivered = true;
          listener.onReset(resetReason);
        }
      } else {
        if (buffered.isEmpty() && remoteClosed && !remoteCloseDelivered) {
          remoteCloseDelivered = true;
          listener.onRemoteClose();
          remoteCloseDelivered();
        }
        if (autoRead && !remoteClosed) {
          readyForMore();
        }
      }
    } finally {
      delivering = false;
    }
    bufferChanged();
  }
}
