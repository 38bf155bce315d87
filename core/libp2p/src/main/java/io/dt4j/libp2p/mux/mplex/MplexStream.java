package io.dt4j.libp2p.mux.mplex;

import io.dt4j.libp2p.mux.MuxedStream;
import io.dt4j.libp2p.mux.MuxedStreamListener;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;

/**
 * One mplex stream, identified by its id and by which side opened it. All state is owned by the
 * connection's event loop; public methods called from other threads are handed over to it. Writes
 * go to the connection at once, split into messages of at most the configured payload; with no
 * window, a writer is held back only by the connection's own writability.
 */
final class MplexStream implements MuxedStream {
  private final MplexSession session;
  private final long id;
  private final boolean initiator;
  private final MplexStreamInbound inbound;
  private volatile boolean writeClosed;
  private volatile boolean reset;
  private volatile boolean sawUnwritable;

  MplexStream(MplexSession session, long id, boolean initiator, long bufferLimit) {
    this.session = session;
    this.id = id;
    this.initiator = initiator;
    this.inbound = new MplexStreamInbound(this, bufferLimit);
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
    boolean writable = !writeClosed && session.isConnectionWritable();
    if (!writable) {
      sawUnwritable = true;
    }
    return writable;
  }

  @Override
  public Future<Void> write(ByteBuf data) {
    Promise<Void> promise = eventLoop().newPromise();
    onLoop(() -> doWrite(data, promise));
    return promise;
  }

  private void doWrite(ByteBuf data, Promise<Void> promise) {
    if (reset || writeClosed) {
      data.release();
      promise.tryFailure(
          reset
              ? MplexStreamException.reset(id, "cannot write")
              : MplexStreamException.writeClosed(id));
      return;
    }
    ChannelHandlerContext ctx = session.context();
    int max = session.maxFramePayload();
    ChannelPromise last = null;
    do {
      ByteBuf chunk = data.readRetainedSlice(Math.min(max, data.readableBytes()));
      last = ctx.newPromise();
      if (data.isReadable()) {
        last.addListener(
            f -> {
              if (!f.isSuccess()) {
                promise.tryFailure(f.cause());
              }
            });
      }
      ctx.write(MplexFrame.of(id, MplexFlag.message(initiator), chunk), last);
    } while (data.isReadable());
    data.release();
    last.addListener(
        f -> {
          if (f.isSuccess()) {
            promise.trySuccess(null);
          } else {
            promise.tryFailure(f.cause());
          }
        });
    ctx.flush();
  }

  @Override
  public Future<Void> closeWrite() {
    Promise<Void> promise = eventLoop().newPromise();
    onLoop(
        () -> {
          if (reset) {
            promise.tryFailure(MplexStreamException.reset(id, "cannot close"));
            return;
          }
          if (writeClosed) {
            promise.trySuccess(null);
            return;
          }
          writeClosed = true;
          session
              .context()
              .writeAndFlush(MplexFrame.empty(id, MplexFlag.close(initiator)))
              .addListener(
                  f -> {
                    if (f.isSuccess()) {
                      promise.trySuccess(null);
                    } else {
                      promise.tryFailure(f.cause());
                    }
                  });
          maybeFinished();
        });
    return promise;
  }

  @Override
  public void reset() {
    onLoop(
        () -> {
          if (reset) {
            return;
          }
          if (!(writeClosed && inbound.remoteClosed())) {
            session.context().writeAndFlush(MplexFrame.empty(id, MplexFlag.reset(initiator)));
          }
          terminate("reset locally", false);
        });
  }

  void onData(ByteBuf data) {
    if (inbound.remoteClosed()) {
      data.release();
      failStream("the peer sent data after closing");
      return;
    }
    inbound.receive(data);
  }

  /** A stream-scoped protocol error: reset this stream only and tell the listener why. */
  private void failStream(String reason) {
    session.context().writeAndFlush(MplexFrame.empty(id, MplexFlag.reset(initiator)));
    terminate(reason, true);
  }

  void onRemoteClose() {
    inbound.remoteClose();
    maybeFinished();
  }

  /**
   * Forgets the stream once both sides closed and the reader saw all data and the close; until then
   * a lost connection still resets it and releases what it holds.
   */
  void maybeFinished() {
    if (writeClosed && !reset && inbound.fullyRead()) {
      session.streamClosed(this);
    }
  }

  void onRemoteReset() {
    terminate("reset by the remote peer", true);
  }

  /** Ends the stream both ways; buffered data is released; if {@code notify}, onReset fires. */
  void terminate(String reason, boolean notify) {
    if (reset) {
      return;
    }
    reset = true;
    writeClosed = true;
    session.streamClosed(this);
    inbound.reset(reason, notify);
  }

  /** The connection became writable again; tell the listener if it saw it unwritable. */
  void connectionWritable() {
    if (sawUnwritable && !reset) {
      sawUnwritable = false;
      inbound.fireWritable();
    }
  }

  long bufferedInboundBytes() {
    return inbound.bufferedBytes();
  }

  MplexSession session() {
    return session;
  }

  @Override
  public String toString() {
    return "mplex stream " + id + (initiator ? " (outbound)" : " (inbound)");
  }

  private void onLoop(Runnable task) {
    if (eventLoop().inEventLoop()) {
      task.run();
    } else {
      eventLoop().execute(task);
    }
  }
}
