package io.dt4j.api.host;

import java.nio.ByteBuffer;

/**
 * Receives what arrives on a {@link Stream}. Calls for one stream never overlap and come in order.
 * They run on a network thread: never block in them.
 */
public interface StreamListener {

  /**
   * Bytes arrived.
   *
   * @param data the bytes; valid only during the call: copy what you keep
   */
  void onData(ByteBuffer data);

  /** The other side closed its writing half: no more data will come. */
  void onRemoteClose();

  /**
   * The stream was reset by the other side, or its connection was lost.
   *
   * @param cause what happened
   */
  void onReset(StreamException cause);
}
