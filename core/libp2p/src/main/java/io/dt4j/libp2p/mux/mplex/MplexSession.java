package io.dt4j.libp2p.mux.mplex;

import io.dt4j.libp2p.mux.MuxedStream;
import io.dt4j.libp2p.mux.Muxer;
import io.dt4j.libp2p.mux.StreamAcceptor;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An mplex session (libp2p.md §6), the last handler of the connection's pipeline after {@link
 * MplexFrameDecoder} and {@link MplexFrameCodec}. Streams are keyed by id and opener: flags 2/4/6
 * name a stream the remote opened, 1/3/5 one this side opened.
 *
 * <p>Back-pressure: mplex has no flow control, so while any stream holds more than its buffer limit
 * (its reader is paused), the connection's {@code autoRead} is off; the remote writer then stalls
 * on TCP. Errors are scoped: an {@link MplexProtocolException} closes the connection with a logged
 * reason ({@link #closeReason()}); messages for unknown streams are discarded. State is owned by
 * the event loop; {@link Muxer} methods hand over to it.
 */
public final class MplexSession extends ChannelInboundHandlerAdapter implements Muxer {
  private static final Logger LOG = LoggerFactory.getLogger(MplexSession.class);

  private final Channel channel;
  private final StreamAcceptor acceptor;
  private final MplexConfig config;
  private final Map<Long, MplexStream> opened = new HashMap<>();
  private final Map<Long, MplexStream> accepted = new HashMap<>();
  private final Promise<Void> closed;
  private ChannelHandlerContext ctx;
  private long nextStreamId;
  private int streamsOverLimit;
  private boolean closing;
  private volatile int openStreams;
  private volatile String closeReason;

  MplexSession(Channel channel, StreamAcceptor acceptor, MplexConfig config) {
    this.channel = channel;
    this.acceptor = acceptor;
    this.config = config;
    this.closed = channel.eventLoop().newPromise();
    channel.closeFuture().addListener(f -> closed.trySuccess(null));
  }

  @Override
  public Future<MuxedStream> openStream() {
    Promise<MuxedStream> promise = eventLoop().newPromise();
    onLoop(
        () -> {
          if (closing || closeReason != null || !channel.isActive()) {
            promise.tryFailure(MplexStreamException.refused("the session is closing or closed"));
            return;
          }
          if (streamCount() >= config.maxConcurrentStreams()) {
            promise.tryFailure(
                MplexStreamException.refused(
                    "the limit of " + config.maxConcurrentStreams() + " open streams is reached"));
            return;
          }
          long id = nextStreamId++;
          MplexStream stream = new MplexStream(this, id, true, config.maxBufferedPerStream());
          opened.put(id, stream);
          openStreams = streamCount();
          byte[] name = Long.toString(id).getBytes(StandardCharsets.US_ASCII);
          ctx.writeAndFlush(MplexFrame.of(id, MplexFlag.NEW_STREAM, Unpooled.wrappedBuffer(name)));
          if (!promise.trySuccess(stream)) {
            stream.reset();
          }
        });
    return promise;
  }

  @Override
  public Future<Void> close() {
    onLoop(
        () -> {
          if (closing || ctx == null) {
            return;
          }
          closing = true; // mplex has no go-away: refuse new streams, let open ones finish
          if (streamCount() == 0) {
            ctx.close();
          } else {
            ctx.executor()
                .schedule(
                    () -> ctx.close(), config.closeGracePeriod().toNanos(), TimeUnit.NANOSECONDS);
          }
        });
    return closed;
  }

  @Override
  public int openStreams() {
    return openStreams;
  }

  /** Returns why the session ended (or is ending), once it did. */
  public Optional<String> closeReason() {
    return Optional.ofNullable(closeReason);
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof MplexFrame frame)) {
      ctx.fireChannelRead(msg);
      return;
    }
    try {
      if (frame.flag() == MplexFlag.NEW_STREAM) {
        onNewStream(frame.streamId());
        return;
      }
      // a flag from the initiator names a stream the remote opened
      Map<Long, MplexStream> streams = frame.flag().fromInitiator() ? accepted : opened;
      MplexStream stream = streams.get(frame.streamId());
      if (stream == null) {
        LOG.debug("mplex: discarding {} for an unknown stream", frame);
        return;
      }
      switch (frame.flag()) {
        case MESSAGE_INITIATOR, MESSAGE_RECEIVER -> stream.onData(frame.content().retain());
        case CLOSE_INITIATOR, CLOSE_RECEIVER -> stream.onRemoteClose();
        case RESET_INITIATOR, RESET_RECEIVER -> stream.onRemoteReset();
        default -> throw new IllegalStateException("unreachable: " + frame.flag());
      }
    } finally {
      frame.release();
    }
  }

  private void onNewStream(long id) {
    if (accepted.containsKey(id)) {
      throw new MplexProtocolException("new stream " + id + " is already open");
    }
    if (closing || closeReason != null || streamCount() >= config.maxConcurrentStreams()) {
      LOG.debug("mplex: refusing stream {} ({} open, closing: {})", id, streamCount(), closing);
      ctx.writeAndFlush(MplexFrame.empty(id, MplexFlag.RESET_RECEIVER));
      return;
    }
    MplexStream stream = new MplexStream(this, id, false, config.maxBufferedPerStream());
    accepted.put(id, stream);
    openStreams = streamCount();
    try {
      acceptor.accept(stream);
    } catch (RuntimeException e) {
      LOG.warn("mplex: stream acceptor failed on stream {}; resetting it", id, e);
      stream.reset();
    }
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) {
      for (MplexStream stream : allStreams()) {
        stream.connectionWritable();
      }
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof MplexProtocolException) {
      closeWith("protocol error: " + cause.getMessage());
    } else if (cause instanceof IOException) {
      LOG.debug("mplex connection {} failed", channel.remoteAddress(), cause);
      if (closeReason == null) {
        closeReason = "connection failed: " + cause.getMessage();
      }
      ctx.close();
    } else {
      LOG.warn("mplex session {} hit an internal error", channel.remoteAddress(), cause);
      closeWith("internal error: " + cause);
    }
  }

  private void closeWith(String reason) {
    if (closeReason == null) {
      closeReason = reason;
      LOG.warn("mplex session with {} closed: {}", channel.remoteAddress(), reason);
    }
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (closeReason == null) {
      closeReason = "connection closed";
    }
    for (MplexStream stream : allStreams()) {
      stream.terminate(closeReason, true);
    }
    ctx.fireChannelInactive();
  }

  /** A stream's held bytes crossed its limit (up or down); reading follows the count. */
  void bufferOverLimit(boolean over) {
    streamsOverLimit += over ? 1 : -1;
    boolean read = streamsOverLimit == 0;
    if (channel.config().isAutoRead() != read) {
      channel.config().setAutoRead(read);
    }
  }

  void streamClosed(MplexStream stream) {
    Map<Long, MplexStream> streams = stream.isInitiator() ? opened : accepted;
    if (streams.remove(stream.id(), stream)) {
      openStreams = streamCount();
      if (closing && openStreams == 0 && channel.isActive()) {
        ctx.close();
      }
    }
  }

  private List<MplexStream> allStreams() {
    List<MplexStream> all = new ArrayList<>(opened.values());
    all.addAll(accepted.values());
    return all;
  }

  private int streamCount() {
    return opened.size() + accepted.size();
  }

  ChannelHandlerContext context() {
    return ctx;
  }

  int maxFramePayload() {
    return config.maxFramePayload();
  }

  boolean isConnectionWritable() {
    return channel.isWritable();
  }

  EventLoop eventLoop() {
    return channel.eventLoop();
  }

  private void onLoop(Runnable task) {
    if (eventLoop().inEventLoop()) {
      task.run();
    } else {
      eventLoop().execute(task);
    }
  }
}
