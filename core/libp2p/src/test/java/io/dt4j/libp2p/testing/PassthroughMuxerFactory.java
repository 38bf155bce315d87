package io.dt4j.libp2p.testing;

import io.dt4j.libp2p.mux.MuxedStream;
import io.dt4j.libp2p.mux.Muxer;
import io.dt4j.libp2p.mux.MuxerFactory;
import io.dt4j.libp2p.mux.StreamAcceptor;
import io.netty.channel.Channel;
import io.netty.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only muxer: installs a {@link CapturingHandler} at the tail, so tests see the decrypted
 * bytes after the muxer echo; opens no streams. Stands in for yamux/mplex until they arrive.
 */
public final class PassthroughMuxerFactory implements MuxerFactory {
  private final String protocolId;
  private final AtomicInteger installs = new AtomicInteger();
  private volatile CapturingHandler lastCapture;

  /**
   * Creates the factory.
   *
   * @param protocolId the id it negotiates as, e.g. {@code /yamux/1.0.0}
   */
  public PassthroughMuxerFactory(String protocolId) {
    this.protocolId = protocolId;
  }

  @Override
  public String protocolId() {
    return protocolId;
  }

  @Override
  public Muxer install(Channel connection, boolean initiator, StreamAcceptor acceptor) {
    installs.incrementAndGet();
    CapturingHandler capture = new CapturingHandler();
    lastCapture = capture;
    connection.pipeline().addLast(capture);
    return new PassthroughMuxer(connection, capture);
  }

  /** Returns how many connections installed this muxer. */
  public int installs() {
    return installs.get();
  }

  /** Returns the capture of the latest connection. */
  public CapturingHandler lastCapture() {
    return lastCapture;
  }

  /** The session: its channel and what arrived on it. */
  public record PassthroughMuxer(Channel channel, CapturingHandler capture) implements Muxer {
    @Override
    public Future<MuxedStream> openStream() {
      return channel
          .eventLoop()
          .newFailedFuture(new UnsupportedOperationException("passthrough muxer has no streams"));
    }

    @Override
    public Future<Void> close() {
      return channel.close();
    }

    @Override
    public int openStreams() {
      return 0;
    }
  }
}
