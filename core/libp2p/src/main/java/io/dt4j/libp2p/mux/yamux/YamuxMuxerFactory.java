package io.dt4j.libp2p.mux.yamux;

import io.dt4j.libp2p.mux.MuxerFactory;
import io.dt4j.libp2p.mux.StreamAcceptor;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;

/** {@code /yamux/1.0.0}: installs the yamux frame decoder, codec and session on a connection. */
public final class YamuxMuxerFactory implements MuxerFactory {
  /** The multistream protocol id. */
  public static final String PROTOCOL_ID = "/yamux/1.0.0";

  /** Pipeline name of the {@link YamuxFrameDecoder}. */
  public static final String FRAME_DECODER = "yamux-frame-decoder";

  /** Pipeline name of the {@link YamuxFrameCodec}. */
  public static final String FRAME_CODEC = "yamux-frame-codec";

  /** Pipeline name of the {@link YamuxSession}. */
  public static final String SESSION = "yamux-session";

  private final YamuxConfig config;

  /** Creates a factory with {@link YamuxConfig#defaults()}. */
  public YamuxMuxerFactory() {
    this(YamuxConfig.defaults());
  }

  /**
   * Creates a factory.
   *
   * @param config the session settings
   */
  public YamuxMuxerFactory(YamuxConfig config) {
    this.config = config;
  }

  @Override
  public String protocolId() {
    return PROTOCOL_ID;
  }

  @Override
  public YamuxSession install(Channel connection, boolean initiator, StreamAcceptor acceptor) {
    if (!connection.eventLoop().inEventLoop()) {
      throw new IllegalStateException("install must run on the connection's event loop");
    }
    YamuxSession session = new YamuxSession(connection, initiator, acceptor, config);
    ChannelPipeline pipeline = connection.pipeline();
    pipeline.addLast(FRAME_DECODER, new YamuxFrameDecoder(config.maxStreamWindow()));
    pipeline.addLast(FRAME_CODEC, new YamuxFrameCodec());
    pipeline.addLast(SESSION, session);
    return session;
  }
}
