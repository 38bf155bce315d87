package io.dt4j.libp2p.mux.yamux;

import io.dt4j.libp2p.mux.StreamInbound;

/**
 * The reading side of a {@link YamuxStream}: grants window back only for data delivered, so a
 * paused reader stops the remote writer after one window — end-to-end back-pressure with memory
 * bounded by the window. Event-loop only.
 */
final class YamuxStreamInbound extends StreamInbound {
  private final YamuxStream stream;
  private final YamuxReceiveWindow window;

  YamuxStreamInbound(YamuxStream stream, YamuxReceiveWindow window) {
    this.stream = stream;
    this.window = window;
  }

  YamuxReceiveWindow window() {
    return window;
  }

  @Override
  protected void delivered(int bytes) {
    window.consumed(bytes);
  }

  @Override
  protected void readyForMore() {
    long delta = window.takeUpdate(System.nanoTime(), stream.session().rttNanos());
    if (delta > 0) {
      stream.grantWindow(delta);
    }
  }

  @Override
  protected void remoteCloseDelivered() {
    stream.maybeFinished();
  }
}
