package io.dt4j.libp2p.mux.yamux;

import io.dt4j.libp2p.mux.MuxedStream;
import io.dt4j.libp2p.mux.MuxedStreamListener;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.util.ArrayDeque;

/**
 * One yamux stream. All fields are owned by the connection's event loop; public methods called from
 * other threads are handed over to it. Inbound data waits in {@link YamuxStreamInbound} while the
 * reader is paused (bounded by the receive window); outbound data waits in a queue until the send
 * window and the connection allow it, and {@link YamuxSession} drains the queues of all streams in
 * turn.
 */
final class YamuxStream implements MuxedStream {
  private final YamuxSession session;
  private final long id;
  private final boolean initiator;
  private final YamuxStreamInbound inbound;
  private final ArrayDeque<PendingWrite> pending = new ArrayDeque<>();
  private long pendingBytes;
  private long sendWindow;
  private boolean writeClosed;
  private boolean finSent;
  private boolean reset;
  private volatile boolean writable = true;
  boolean queuedForDrain;
  boolean awaitingAck;

  /** A write waiting for window; {@code data == null} marks the FIN of closeWrite. */
  private record PendingWrite(ByteBuf data, Promise<Void> promise) {}

  YamuxStream(YamuxSession session, long id, boolean initiator, long sendWindow) {
    this.session = session;
    this.id = id;
    this.initiator = initiator;
    this.sendWindow = sendWindow;
    this.inbound = new YamuxStreamInbound(this, session.newReceiveWindow());
  }

  @Override
  public long id() {
    return id;
  }

  @Override
  public boolean isInitiator() {
    return initiator;
  }

  @Override
  public EventLoop eventLoop() {
    return session.eventLoop();
  }

  @Override
  public void setListener(MuxedStreamListener listener) {
    onLoop(() -> inbound.setListener(listener));
  }

  @Override
  public void setAutoRead(boolean autoRead) {
    onLoop(() -> inbound.setAutoRead(autoRead));
  }

  @Override
  public boolean isWritable() {
    return writable;
  }

  @Override
  public Future<Void> write(ByteBuf data) {
    Promise<Void> promise = eventLoop().newPromise();
    onLoop(() -> enqueue(data, promise));
    return promise;
  }

  @Override
  public Future<Void> closeWrite() {
    Promise<Void> promise = eventLoop().newPromise();
    onLoop(() -> enqueue(null, promise));
    return promise;
  }

  @Override
  public void reset() {
    onLoop(
        () -> {
          if (!reset && !(finSent && inbound.remoteClosed())) {
            session.writeControl(YamuxFrame.windowUpdate(id, YamuxFlags.RST, 0));
          }
          terminate("reset locally", false);
        });
  }

  @Override
  public String toString() {
    return "yamux stream " + id + (initiator ? " (outbound)" : " (inbound)");
  }

  private void onLoop(Runnable task) {
    if (eventLoop().inEventLoop()) {
      task.run();
    } else {
      eventLoop().execute(task);
    }
  }

  private void enqueue(ByteBuf data, Promise<Void> promise) {
    if (reset || writeClosed) {
      if (data != null) {
        data.release();
      }
      promise.tryFailure(
          reset
              ? YamuxStreamException.reset(id, "cannot write")
              : YamuxStreamException.writeClosed(id));
      return;
    }
    if (data == null) {
      writeClosed = true;
    } else if (!data.isReadable()) {
      data.release();
      promise.trySuccess(null);
      return;
    } else {
      pendingBytes += data.readableBytes();
    }
    pending.add(new PendingWrite(data, promise));
    updateWritability();
    session.scheduleDrain(this);
  }

  /** Whether the drain loop can write a frame of this stream now. */
  boolean hasSendable() {
    PendingWrite head = pending.peek();
    return head != null && (head.data() == null || sendWindow > 0);
  }

  /**
   * Writes the next frame of the queue through the session's context: at most min(send window, max
   * frame payload) bytes, or the FIN. The caller flushes.
   */
  void writeNextFrame(ChannelHandlerContext ctx, int maxFramePayload) {
    PendingWrite head = pending.peek();
    ChannelPromise framePromise = ctx.newPromise();
    if (head.data() == null) {
      pending.poll();
      finSent = true;
      ctx.write(YamuxFrame.windowUpdate(id, YamuxFlags.FIN, 0), framePromise);
      completeWith(framePromise, head.promise());
      maybeFinished();
      return;
    }
    ByteBuf data = head.data();
    int n = (int) Math.min(Math.min(sendWindow, maxFramePayload), data.readableBytes());
    ByteBuf slice = data.readRetainedSlice(n);
    sendWindow -= n;
    pendingBytes -= n;
    ctx.write(YamuxFrame.data(id, 0, slice), framePromise);
    if (data.isReadable()) {
      Promise<Void> userPromise = head.promise();
      framePromise.addListener(
          f -> {
            if (!f.isSuccess()) {
              userPromise.tryFailure(f.cause());
            }
          });
    } else {
      pending.poll();
      data.release();
      completeWith(framePromise, head.promise());
    }
    updateWritability();
  }

  private static void completeWith(ChannelPromise framePromise, Promise<Void> userPromise) {
    framePromise.addListener(
        f -> {
          if (f.isSuccess()) {
            userPromise.trySuccess(null);
          } else {
            userPromise.tryFailure(f.cause());
          }
        });
  }

  /**
   * The peer granted window.
   *
   * @throws YamuxProtocolException if the window would exceed 2^32 - 1 (connection-scoped)
   */
  void onWindowUpdate(long delta) {
    sendWindow += delta;
    if (sendWindow > 0xFFFF_FFFFL) {
      throw YamuxProtocolException.protocolError(
          "window update of " + delta + " overflows the send window of stream " + id);
    }
    updateWritability();
    if (hasSendable()) {
      session.scheduleDrain(this);
    }
  }

  /** Data arrived; the session already checked it against the window. */
  void onData(ByteBuf data) {
    if (inbound.remoteClosed()) {
      data.release();
      failStream("the peer sent data after its FIN");
      return;
    }
    inbound.receive(data);
  }

  /** A stream-scoped protocol error: reset this stream only and tell the listener why. */
  private void failStream(String reason) {
    session.writeControl(YamuxFrame.windowUpdate(id, YamuxFlags.RST, 0));
    terminate(reason, true);
  }

  void onRemoteFin() {
    inbound.remoteClose();
    maybeFinished();
  }

  /**
   * Forgets the stream once both sides half-closed and the reader saw all data and the close; until
   * then a lost connection still resets it and releases what it holds.
   */
  void maybeFinished() {
    if (finSent && inbound.fullyRead()) {
      session.streamClosed(this);
    }
  }

  void onRemoteReset() {
    terminate("reset by the remote peer", true);
  }

  /**
   * Ends the stream both ways: queued writes fail, buffered data is released, and if {@code notify}
   * the listener sees onReset.
   */
  void terminate(String reason, boolean notify) {
    if (reset) {
      return;
    }
    reset = true;
    writeClosed = true;
    writable = false;
    YamuxStreamException failure = YamuxStreamException.reset(id, reason);
    for (PendingWrite w; (w = pending.poll()) != null; ) {
      if (w.data() != null) {
        w.data().release();
      }
      w.promise().tryFailure(failure);
    }
    pendingBytes = 0;
    session.streamClosed(this);
    inbound.reset(reason, notify);
  }

  boolean isReset() {
    return reset;
  }

  /** Sends the window update the inbound side says is due. */
  void grantWindow(long delta) {
    if (!reset) {
      session.writeControl(YamuxFrame.windowUpdate(id, 0, delta));
    }
  }

  YamuxSession session() {
    return session;
  }

  YamuxReceiveWindow inboundWindow() {
    return inbound.window();
  }

  long bufferedInboundBytes() {
    return inbound.bufferedBytes();
  }

  private void updateWritability() {
    boolean now = !writeClosed && pendingBytes < sendWindow;
    if (now != writable) {
      writable = now;
      if (now) {
        inbound.fireWritable();
      }
    }
  }
}
