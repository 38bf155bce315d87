package io.dt4j.libp2p.mux;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Two muxer sessions over a real TCP connection on 127.0.0.1 (no security), client and server on
 * separate event loops. Each side records the streams the other opens and hands them to a
 * replaceable behaviour.
 */
public final class LoopbackMuxPair implements AutoCloseable {

  /** One end: its channel, its session, and the streams the other side opened. */
  public static final class Side {
    public final BlockingQueue<MuxedStream> accepted = new LinkedBlockingQueue<>();
    public volatile StreamAcceptor behaviour = LoopbackMuxPair::echo;
    public volatile Channel channel;
    public volatile Muxer muxer;

    void accept(MuxedStream stream) {
      accepted.add(stream);
      behaviour.accept(stream);
    }

    /** Opens a stream, waiting at most 5 s. */
    public MuxedStream open() throws Exception {
      return muxer.openStream().get(5, TimeUnit.SECONDS);
    }
  }

  public final Side client = new Side();
  public final Side server = new Side();
  private final EventLoopGroup clientGroup =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final EventLoopGroup serverGroup =
      new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private Channel listener;

  /**
   * Connects a client and a server session.
   *
   * @param factory the muxer
   * @param socketBuffer SO_SNDBUF/SO_RCVBUF for both sockets, 0 for the system default
   * @return the connected pair
   */
  public static LoopbackMuxPair connect(MuxerFactory factory, int socketBuffer) throws Exception {
    return connect(factory, socketBuffer, WriteBufferWaterMark.DEFAULT);
  }

  /**
   * Connects a client and a server session.
   *
   * @param factory the muxer
   * @param socketBuffer SO_SNDBUF/SO_RCVBUF for both sockets, 0 for the system default
   * @param waterMark the connections' write buffer water mark
   * @return the connected pair
   */
  public static LoopbackMuxPair connect(
      MuxerFactory factory, int socketBuffer, WriteBufferWaterMark waterMark) throws Exception {
    LoopbackMuxPair pair = new LoopbackMuxPair();
    try {
      pair.start(factory, socketBuffer, waterMark);
    } catch (Exception e) {
      pair.close();
      throw e;
    }
    return pair;
  }

  private void start(MuxerFactory factory, int socketBuffer, WriteBufferWaterMark waterMark)
      throws Exception {
    CompletableFuture<Void> serverReady = new CompletableFuture<>();
    ServerBootstrap sb =
        new ServerBootstrap()
            .group(serverGroup)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    server.channel = ch;
                    server.muxer = factory.install(ch, false, server::accept);
                    serverReady.complete(null);
                  }
                });
    Bootstrap cb =
        new Bootstrap()
            .group(clientGroup)
            .channel(NioSocketChannel.class)
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    client.muxer = factory.install(ch, true, client::accept);
                  }
                });
    sb.childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark);
    cb.option(ChannelOption.WRITE_BUFFER_WATER_MARK, waterMark);
    if (socketBuffer > 0) {
      sb.childOption(ChannelOption.SO_RCVBUF, socketBuffer);
      sb.childOption(ChannelOption.SO_SNDBUF, socketBuffer);
      cb.option(ChannelOption.SO_RCVBUF, socketBuffer);
      cb.option(ChannelOption.SO_SNDBUF, socketBuffer);
    }
    listener = sb.bind("127.0.0.1", 0).sync().channel();
    client.channel = cb.connect(listener.localAddress()).sync().channel();
    serverReady.get(5, TimeUnit.SECONDS);
  }

  /** The default behaviour: echo everything, close when the other side closes. */
  public static void echo(MuxedStream stream) {
    stream.setListener(
        new MuxedStreamListener() {
          @Override
          public void onData(io.netty.buffer.ByteBuf data) {
            stream.write(data);
          }

          @Override
          public void onRemoteClose() {
            stream.closeWrite();
          }

          @Override
          public void onReset(String reason) {}
        });
  }

  @Override
  public void close() {
    if (client.channel != null) {
      client.channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
    if (listener != null) {
      listener.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
    clientGroup
        .shutdownGracefully(0, 1, TimeUnit.SECONDS)
        .awaitUninterruptibly(5, TimeUnit.SECONDS);
    serverGroup
        .shutdownGracefully(0, 1, TimeUnit.SECONDS)
        .awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
