package io.dt4j.libp2p.host;

import io.dt4j.api.PeerId;
import io.dt4j.api.host.Stream;
import io.dt4j.api.host.StreamException;
import io.dt4j.api.host.StreamListener;
import io.dt4j.libp2p.mux.MuxedStream;
import io.dt4j.libp2p.mux.MuxedStreamListener;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A protocol stream: a {@link MuxedStream} after multistream-select, adapted to the plugin API's
 * {@link Stream} (ByteBuffers in and out, no Netty types).
 *
 * <p>Incoming data is handed to the {@link StreamListener} as a {@link ByteBuffer} view of the
 * received buffer, valid during the call only, then released. Until a listener is set, and while
 * reading is paused, the muxer holds the data and grants the peer no more window, so back-pressure
 * runs end to end. Writes wrap the caller's ByteBuffer without copying; their stage completes when
 * the muxer wrote the bytes to the connection.
 *
 * <p>All state is owned by the connection's event loop; public methods may be called from any
 * thread and hand their work over.
 */
public final class Libp2pStream implements Stream {
  private static final Logger LOG = LoggerFactory.getLogger(Libp2pStream.class);

  private final MuxedStream muxed;
  private final Libp2pConnection connection;
  private final Inbound inbound = new Inbound();
  private volatile String protocolId;

  // event-loop state
  private StreamNegotiation negotiation;
  private StreamListener listener;
  private final ArrayDeque<ByteBuf> held = new ArrayDeque<>();
  private boolean paused;
  private boolean remoteClosed;
  private boolean remoteCloseDelivered;
  private StreamException resetCause;
  private boolean resetDelivered;
  private boolean delivering;

  Libp2pStream(MuxedStream muxed, Libp2pConnection connection) {
    this.muxed = muxed;
    this.connection = connection;
  }

  /** Starts the negotiation; event loop only. */
  void negotiate(StreamNegotiation negotiation, java.time.Duration timeout) {
    this.negotiation = negotiation;
    muxed.setListener(inbound);
    negotiation.start(timeout);
  }

  /** The negotiation selected a protocol; event loop only. */
  void selected(String protocol, ByteBuf leftover) {
    this.negotiation = null;
    this.protocolId = protocol;
    if (listener == null) {
      // hold further data in the muxer, inside its window, until the handler sets a listener
      muxed.setAutoRead(false);
    }
    if (leftover != null) {
      inbound.onData(leftover);
    }
  }

  @Override
  public PeerId remotePeer() {
    return connection.remotePeer();
  }

  @Override
  public String protocolId() {
    return protocolId;
  }

  /** Returns the connection this stream runs on. */
  public Libp2pConnection connection() {
    return connection;
  }

  /** Returns the event loop that runs this stream's callbacks, for timers of protocol code. */
  public EventLoop eventLoop() {
    return muxed.eventLoop();
  }

  @Override
  public void setListener(StreamListener newListener) {
    onLoop(
        () -> {
          listener = newListener;
          if (!paused) {
            muxed.setAutoRead(true);
          }
          deliver();
        });
  }

  @Override
  public CompletionStage<Void> write(ByteBuffer data) {
    CompletableFuture<Void> result = new CompletableFuture<>();
    complete(muxed.write(Unpooled.wrappedBuffer(data)), result, "write");
    return result;
  }

  /** Writes a Netty buffer; module-internal fast path. The stream releases it. */
  public CompletionStage<Void> write(ByteBuf data) {
    CompletableFuture<Void> result = new CompletableFuture<>();
    complete(muxed.write(data), result, "write");
    return result;
  }

  @Override
  public CompletionStage<Void> closeWrite() {
    CompletableFuture<Void> result = new CompletableFuture<>();
    complete(muxed.closeWrite(), result, "close");
    return result;
  }

  @Override
  public void reset() {
    muxed.reset();
  }

  @Override
  public void pauseReading() {
    onLoop(
        () -> {
          paused = true;
          muxed.setAutoRead(false);
        });
  }

  @Override
  public void resumeReading() {
    onLoop(
        () -> {
          paused = false;
          if (listener != null) {
            muxed.setAutoRead(true);
          }
          deliver();
        });
  }

  private void complete(Future<Void> step, CompletableFuture<Void> result, String what) {
    step.addListener(
        f -> {
          if (f.isSuccess()) {
            result.complete(null);
          } else {
            result.completeExceptionally(
                new StreamException(
                    what + " failed on " + this + ": " + f.cause().getMessage(), f.cause()));
          }
        });
  }

  private void onLoop(Runnable task) {
    if (muxed.eventLoop().inEventLoop()) {
      task.run();
    } else {
      muxed.eventLoop().execute(task);
    }
  }

  /** Delivers held data, then a reset or the remote close; re-entrant calls just return. */
  private void deliver() {
    if (delivering || listener == null) {
      return;
    }
    delivering = true;
    try {
      while (!paused && resetCause == null && !held.isEmpty()) {
        ByteBuf data = held.peek();
        try {
          deliverParts(data);
        } catch (RuntimeException e) {
          LOG.warn("listener of {} failed; resetting the stream", this, e);
          muxed.reset();
          failed("the stream listener threw " + e); // releases what is held, data too
        }
        if (resetCause == null && !data.isReadable()) {
          held.poll().release();
        }
      }
      if (resetCause != null) {
        if (!resetDelivered) {
          resetDelivered = true;
          listener.onReset(resetCause);
        }
      } else if (remoteClosed && held.isEmpty() && !remoteCloseDelivered) {
        remoteCloseDelivered = true;
        listener.onRemoteClose();
      }
    } finally {
      delivering = false;
    }
  }

  /**
   * Hands a buffer to the listener as its NIO buffers, one call each (a frame's payload may span
   * several decrypted buffers; joining them would copy), until it is read or reading pauses.
   */
  private void deliverParts(ByteBuf data) {
    for (ByteBuffer part : data.nioBuffers()) {
      int length = part.remaining();
      listener.onData(part);
      if (resetCause != null) {
        return; // the buffer was released
      }
      data.skipBytes(length);
      if (paused) {
        return;
      }
    }
  }

  private void failed(String reason) {
    if (resetCause == null) {
      resetCause = new StreamException(this + " was reset: " + reason);
      for (ByteBuf b; (b = held.poll()) != null; ) {
        b.release();
      }
    }
  }

  @Override
  public String toString() {
    return "stream "
        + muxed.id()
        + (protocolId != null ? " " + protocolId : "")
        + " with "
        + connection.remotePeer();
  }

  /** The muxer's callbacks: to the negotiation first, then to the listener. */
  private final class Inbound implements MuxedStreamListener {
    @Override
    public void onData(ByteBuf data) {
      if (negotiation != null) {
        negotiation.onData(data);
        return;
      }
      if (resetCause != null) {
        data.release();
        return;
      }
      held.add(data);
      deliver();
    }

    @Override
    public void onRemoteClose() {
      if (negotiation != null) {
        negotiation.onRemoteClose();
        return;
      }
      remoteClosed = true;
      deliver();
    }

    @Override
    public void onReset(String reason) {
      if (negotiation != null) {
        negotiation.onReset(reason);
        return;
      }
      failed(reason);
      deliver();
    }
  }
}
