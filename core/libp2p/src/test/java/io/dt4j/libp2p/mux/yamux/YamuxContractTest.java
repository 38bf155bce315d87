package io.dt4j.libp2p.mux.yamux;

import io.dt4j.libp2p.mux.MuxedStream;
import io.dt4j.libp2p.mux.MuxerContractTest;
import io.dt4j.libp2p.mux.MuxerFactory;

/** The muxer contract for yamux: a paused stream holds at most its 256 KiB initial window. */
class YamuxContractTest extends MuxerContractTest {

  @Override
  protected MuxerFactory factory() {
    return new YamuxMuxerFactory();
  }

  @Override
  protected long pausedBufferBound() {
    return YamuxConfig.INITIAL_WINDOW;
  }

  @Override
  protected long bufferedInboundBytes(MuxedStream stream) {
    return ((YamuxStream) stream).bufferedInboundBytes();
  }
}
