package io.dt4j.libp2p.mux;

import io.netty.buffer.ByteBuf;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;

/**
 * One stream of a muxed session, before any protocol negotiation. Its callbacks run on {@link
 * #eventLoop()}; its methods may be called from any thread.
 *
 * <p>Flow control is end to end: while reading is paused, the muxer grants the remote writer no
 * more window (yamux) or stops reading the connection (mplex, which has none); a writer should wait
 * for {@link #write}'s future, or for {@link #isWritable()}, before writing much more.
 */
public interface MuxedStream {

  /** Returns the stream id as the muxer numbers it. */
  long id();

  /** Returns whether this side opened the stream. */
  boolean isInitiator();

  /** Returns the event loop of the connection; callbacks run there. */
  EventLoop eventLoop();

  /**
   * Sets the listener; data that arrived before is delivered to it first.
   *
   * @param listener the listener
   */
  void setListener(MuxedStreamListener listener);

  /**
   * Writes bytes, in frames no larger than the muxer's maximum, as the window allows.
   *
   * @param data the bytes; ownership passes to the stream, which releases it
   * @return completes when the bytes were written to the connection, or fails if the stream was
   *     reset or closed for writing
   */
  Future<Void> write(ByteBuf data);

  /** Returns whether a write now would go out without waiting for window. */
  boolean isWritable();

  /**
   * Half-closes: this side writes no more.
   *
   * @return completes when the close was written
   */
  Future<Void> closeWrite();

  /** Resets the stream in both directions. */
  void reset();

  /**
   * Pauses or resumes delivery of incoming data.
   *
   * @param autoRead false to pause, true to resume
   */
  void setAutoRead(boolean autoRead);
}
