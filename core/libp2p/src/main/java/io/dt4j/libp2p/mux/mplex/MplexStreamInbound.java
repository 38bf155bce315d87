package io.dt4j.libp2p.mux.mplex;

import io.dt4j.libp2p.mux.StreamInbound;

/**
 * The reading side of an {@link MplexStream}: mplex has no window, so when the bytes held for a
 * paused or absent listener pass the limit it tells the session, which stops reading the connection
 * until they drain. Event-loop only.
 */
final class MplexStreamInbound extends StreamInbound {
  private final MplexStream stream;
  private final long limit;
  private boolean overLimit;

  MplexStreamInbound(MplexStream stream, long limit) {
    this.stream = stream;
    this.limit = limit;
  }

  @Override
  protected void bufferChanged() {
    boolean over = bufferedBytes() > limit;
    if (over != overLimit) {
      overLimit = over;
      stream.session().bufferOverLimit(over);
    }
  }

  @Override
  protected void remoteCloseDelivered() {
    stream.maybeFinished();
  }
}
