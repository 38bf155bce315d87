package io.dt4j.api.host;

import io.dt4j.api.PeerId;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/**
 * One bidirectional, flow-controlled byte stream of a protocol to a peer, multiplexed on the
 * connection.
 *
 * <p>Back-pressure runs end to end: a reader that calls {@link #pauseReading()} stops the remote
 * writer once the muxer's window is used up, and a writer should wait for the stage returned by
 * {@link #write} before it writes much more. Nothing buffers without bound.
 */
public interface Stream {

  /** Returns the peer at the other end. */
  PeerId remotePeer();

  /** Returns the negotiated protocol id. */
  String protocolId();

  /**
   * Sets the listener for incoming data. Set it once, before data is expected; data that arrived
   * earlier is delivered to it first.
   *
   * @param listener the listener
   */
  void setListener(StreamListener listener);

  /**
   * Writes bytes.
   *
   * @param data the bytes, from position to limit; the stream takes ownership of the buffer
   * @return completes when the bytes were handed to the connection, or fails with {@link
   *     StreamException} if the stream was reset or closed
   */
  CompletionStage<Void> write(ByteBuffer data);

  /**
   * Half-closes: this side writes no more; the other side can still write.
   *
   * @return completes when the close was sent
   */
  CompletionStage<Void> closeWrite();

  /** Aborts the stream in both directions; the other side sees a reset. */
  void reset();

  /** Stops delivering incoming data until {@link #resumeReading()}; the peer is slowed down. */
  void pauseReading();

  /** Delivers incoming data again after {@link #pauseReading()}. */
  void resumeReading();
}
