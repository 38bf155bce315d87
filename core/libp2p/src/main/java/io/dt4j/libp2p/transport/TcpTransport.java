package io.dt4j.libp2p.transport;

import io.dt4j.libp2p.multiaddr.MalformedMultiaddrException;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libp2p over TCP on Netty: epoll when the native transport loads, NIO otherwise. Every connection,
 * dialed or accepted, goes through the {@link Upgrader}. Owns its event loop group; {@link
 * #close()} shuts it down.
 *
 * <p>Socket options: {@code TCP_NODELAY} (the muxers frame small control messages), keep-alive, and
 * kernel-tuned buffer sizes (setting {@code SO_RCVBUF} would switch off Linux autotuning); the
 * write buffer water marks (256 KiB / 1 MiB) drive {@code Channel.isWritable()} for the muxers;
 * reads of up to 512 KiB.
 */
public final class TcpTransport implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TcpTransport.class);
  private static final WriteBufferWaterMark WATER_MARK =
      new WriteBufferWaterMark(256 * 1024, 1024 * 1024);

  /**
   * Socket reads of up to 512 KiB, where Netty's default stops at 64 KiB: a Noise frame (up to
   * 65537 bytes) that spans two reads must be joined by a copy before it can be decrypted, and with
   * 64 KiB reads nearly every frame does; with reads of several frames only about one frame per
   * read does. The size adapts to what the socket holds, so an idle connection reads small buffers.
   */
  private static final AdaptiveRecvByteBufAllocator READ_SIZES =
      new AdaptiveRecvByteBufAllocator(64, 2048, 512 * 1024);

  private final Upgrader upgrader;
  private final EventLoopGroup group;
  private final boolean epoll;
  private final Duration connectTimeout;
  private final ChannelGroup channels;

  /**
   * Creates the transport with its own event loops.
   *
   * @param upgrader upgrades every connection
   * @param threads event loop threads; 0 for Netty's default (2 × cores)
   * @param connectTimeout bound of the TCP connect
   */
  public TcpTransport(Upgrader upgrader, int threads, Duration connectTimeout) {
    this.upgrader = upgrader;
    this.epoll = Epoll.isAvailable();
    this.group =
        new MultiThreadIoEventLoopGroup(
            threads, epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
    this.connectTimeout = connectTimeout;
    this.channels = new DefaultChannelGroup("tcp-transport", group.next());
    LOG.debug("TCP transport on {}", epoll ? "epoll" : "NIO");
  }

  /** Returns {@code epoll} or {@code nio}. */
  public String ioName() {
    return epoll ? "epoll" : "nio";
  }

  /**
   * Dials an address and upgrades the connection. If the address ends in {@code /p2p/<id>}, the
   * remote must prove that identity in the Noise handshake.
   *
   * @param address {@code /ip4|ip6/<addr>/tcp/<port>[/p2p/<id>]}
   * @param acceptors gives the connection its acceptor for inbound streams
   * @return completes with the connection, or fails with {@link UpgradeException}
   * @throws MalformedMultiaddrException if the address is not a dialable TCP/IP address
   */
  public Future<SecuredConnection> dial(Multiaddr address, StreamAcceptorFactory acceptors) {
    InetSocketAddress target = address.toTcpSocketAddress();
    if (target.isUnresolved()) {
      // resolving here would block an event loop; the host resolves DNS multiaddrs first
      throw new MalformedMultiaddrException(
          "cannot dial " + address + ": resolve the DNS name to /ip4 or /ip6 first");
    }
    Promise<SecuredConnection> result = group.next().newPromise();
    ChannelFuture connect =
        new Bootstrap()
            .group(group)
            .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_KEEPALIVE, true)
            .option(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
            .option(ChannelOption.RCVBUF_ALLOCATOR, READ_SIZES)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
            // no read before the upgrade's handlers are in place: the listener may send its
            // multistream header the moment the connection is up (libp2p.md §3.2)
            .option(ChannelOption.AUTO_READ, false)
            .handler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    channels.add(ch);
                  }
                })
            .connect(target);
    connect.addListener(
        (ChannelFuture f) -> {
          if (!f.isSuccess()) {
            LOG.info("dial {} failed: {}", address, f.cause().toString());
            result.tryFailure(
                new UpgradeException(
                    UpgradeException.Stage.CONNECT,
                    "TCP connect to " + address + " failed: " + f.cause().getMessage(),
                    f.cause()));
            return;
          }
          Future<SecuredConnection> upgraded =
              upgrader.upgradeOutbound(f.channel(), address.peerId(), acceptors);
          f.channel().config().setAutoRead(true);
          upgraded.addListener(
              u -> {
                if (u.isSuccess()) {
                  result.trySuccess((SecuredConnection) u.getNow());
                } else {
                  result.tryFailure(u.cause());
                }
              });
        });
    return result;
  }

  /**
   * Listens on an address; each accepted connection is upgraded and handed to the handler.
   *
   * @param address {@code /ip4|ip6/<addr>/tcp/<port>}, port 0 for any free port
   * @param acceptors gives each connection its acceptor for inbound streams
   * @param handler receives upgraded connections and upgrade failures
   * @return completes with the bound listener
   */
  public Future<TcpListener> listen(
      Multiaddr address, StreamAcceptorFactory acceptors, ConnectionHandler handler) {
    Promise<TcpListener> result = group.next().newPromise();
    Class<? extends ServerChannel> serverClass =
        epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    ChannelFuture bind =
        new ServerBootstrap()
            .group(group)
            .channel(serverClass)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, WATER_MARK)
            .childOption(ChannelOption.RCVBUF_ALLOCATOR, READ_SIZES)
            .childHandler(
                new ChannelInitializer<Channel>() {
                  @Override
                  protected void initChannel(Channel ch) {
                    channels.add(ch);
                    upgrader
                        .upgradeInbound(ch, acceptors)
                        .addListener(
                            u -> {
                              if (u.isSuccess()) {
                                handler.onConnection((SecuredConnection) u.getNow());
                              } else if (u.cause() instanceof UpgradeException e) {
                                handler.onUpgradeFailed(e);
                              }
                            });
                  }
                })
            .bind(address.toTcpSocketAddress());
    bind.addListener(
        (ChannelFuture f) -> {
          if (f.isSuccess()) {
            Multiaddr bound =
                Multiaddr.fromSocketAddress((InetSocketAddress) f.channel().localAddress());
            channels.add(f.channel());
            LOG.info("listening on {}", bound);
            result.trySuccess(new TcpListener(bound, f.channel()));
          } else {
            result.tryFailure(f.cause());
          }
        });
    return result;
  }

  /** Closes every listener and connection, then stops the event loops. */
  @Override
  public void close() {
    channels.close().awaitUninterruptibly(2, java.util.concurrent.TimeUnit.SECONDS);
    group.shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS).syncUninterruptibly();
  }
}
