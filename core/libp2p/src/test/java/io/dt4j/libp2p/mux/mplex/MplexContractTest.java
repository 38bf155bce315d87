package io.dt4j.libp2p.mux.mplex;

import io.dt4j.libp2p.mux.MuxedStream;
import io.dt4j.libp2p.mux.MuxerContractTest;
import io.dt4j.libp2p.mux.MuxerFactory;

/**
 * The muxer contract for mplex, with a 256 KiB per-stream limit: a paused stream holds at most the
 * limit plus what was already read when reading stopped (one 64 KiB message and one socket read).
 */
class MplexContractTest extends MuxerContractTest {
  private static final int LIMIT = 256 * 1024;

  @Override
  protected MuxerFactory factory() {
    return new MplexMuxerFactory(MplexConfig.defaults().withMaxBufferedPerStream(LIMIT));
  }

  @Override
  protected long pausedBufferBound() {
    return LIMIT + 64 * 1024 + 64 * 1024;
  }

  @Override
  protected long bufferedInboundBytes(MuxedStream stream) {
    return ((MplexStream) stream).bufferedInboundBytes();
  }
}
