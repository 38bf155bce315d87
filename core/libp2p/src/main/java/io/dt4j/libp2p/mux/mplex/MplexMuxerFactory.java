package io.dt4j.libp2p.mux.mplex;

import io.dt4j.libp2p.mux.MuxerFactory;
import io.dt4j.libp2p.mux.StreamAcceptor;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;

/** {@code /mplex/6.7.0}: installs the mplex frame decoder, codec and session on a connection. */
public final class MplexMuxerFactory implements MuxerFactory {
  /** The multistream protocol id. */
  public static final String PROTOCOL_ID = "/mplex/6.7.0";

  /** Pipeline name of the {@link MplexFrameDecoder}. */
  public static final String FRAME_DECODER = "mplex-frame-decoder";

  /** Pipeline name of the {@link MplexFrameCodec}. */
  public static final String FRAME_CODEC = "mplex-frame-codec";

  /** Pipeline name of the {@link MplexSession}. */
  public static final String SESSION = "mplex-session";

  private final MplexConfig config;

  /** Creates a factory with {@link MplexConfig#defaults()}. */
  public MplexMuxerFactory() {
    this(MplexConfig.defaults());
  }

  /**
   * Creates a factory.
   *
   * @param config the session settings
   */
  public MplexMuxerFactory(MplexConfig config) {
    this.config = config;
  }

  @Override
  public String protocolId() {
    return PROTOCOL_ID;
  }

  /** {@inheritDoc} mplex numbers streams per side, so {@code initiator} changes nothing here. */
  @Override
  public MplexSession install(Channel connection, boolean initiator, StreamAcceptor acceptor) {
    if (!connection.eventLoop().inEventLoop()) {
      throw new IllegalStateException("install must run on the connection's event loop");
    }
    MplexSession session = new MplexSession(connection, acceptor, config);
    ChannelPipeline pipeline = connection.pipeline();
    pipeline.addLast(FRAME_DECODER, new MplexFrameDecoder(config.maxMessageSize()));
    pipeline.addLast(FRAME_CODEC, new MplexFrameCodec());
    pipeline.addLast(SESSION, session);
    return session;
  }
}
