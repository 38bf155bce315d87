package io.dt4j.libp2p.mux.yamux;

import io.dt4j.libp2p.mux.MuxedStream;
import io.dt4j.libp2p.mux.Muxer;
import io.dt4j.libp2p.mux.StreamAcceptor;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A yamux session (libp2p.md §5), the last handler of the connection's pipeline after {@link
 * YamuxFrameDecoder} and {@link YamuxFrameCodec}. It owns the streams, answers pings at once (they
 * bypass queued data, which waits here until the connection is writable), and drains the streams'
 * write queues in turn while the connection is writable.
 *
 * <p>Errors are scoped: a {@link YamuxProtocolException} (connection-scoped) sends go-away and
 * closes the connection, logging the reason, which {@link #closeReason()} also returns; a frame for
 * an unknown stream is discarded with a log line, as go-yamux does; a stream problem resets that
 * stream only. All state is owned by the event loop; {@link Muxer} methods hand over to it.
 */
public final class YamuxSession extends ChannelInboundHandlerAdapter implements Muxer {
  private static final Logger LOG = LoggerFactory.getLogger(YamuxSession.class);
  private static final long GO_AWAY_WRITE_DEADLINE_MS = 100;
  private static final long MAX_STREAM_ID = 0xFFFF_FFFFL;

  /** Own streams that may await the peer's ACK; further opens wait (spec, go: AcceptBacklog). */
  static final int ACK_BACKLOG = 256;

  private final Channel channel;
  private final boolean client;
  private final StreamAcceptor acceptor;
  private final YamuxConfig config;
  private final YamuxKeepAlive keepAlive;
  private final Map<Long, YamuxStream> streams = new HashMap<>();
  private final ArrayDeque<Promise<MuxedStream>> waitingForAckBacklog = new ArrayDeque<>();
  private int unacknowledged;
  private final Promise<Void> closed;
  private ChannelHandlerContext ctx;
  private long nextStreamId;
  private boolean started;
  private boolean localGoAway;
  private boolean remoteGoAway;
  private YamuxWriteScheduler writer;
  private volatile int openStreams;
  private volatile String closeReason;

  YamuxSession(Channel channel, boolean client, StreamAcceptor acceptor, YamuxConfig config) {
    this.channel = channel;
    this.client = client;
    this.acceptor = acceptor;
    this.config = config;
    this.keepAlive = new YamuxKeepAlive(this, config);
    this.nextStreamId = client ? 1 : 2;
    this.closed = channel.eventLoop().newPromise();
    channel.closeFuture().addListener(f -> closed.trySuccess(null));
  }

  @Override
  public Future<MuxedStream> openStream() {
    Promise<MuxedStream> promise = eventLoop().newPromise();
    onLoop(() -> doOpenStream(promise));
    return promise;
  }

  private void doOpenStream(Promise<MuxedStream> promise) {
    String refusal = null;
    if (closeReason != null || localGoAway || remoteGoAway || !channel.isActive()) {
      refusal = "the session is closing or closed";
    } else if (streams.size() >= config.maxConcurrentStreams()) {
      refusal = "the limit of " + config.maxConcurrentStreams() + " open streams is reached";
    } else if (nextStreamId > MAX_STREAM_ID) {
      refusal = "stream ids are exhausted";
    }
    if (refusal != null) {
      promise.tryFailure(YamuxStreamException.refused(refusal));
      return;
    }
    if (unacknowledged >= ACK_BACKLOG) {
      waitingForAckBacklog.add(promise);
      return;
    }
    long id = nextStreamId;
    nextStreamId += 2;
    YamuxStream stream = new YamuxStream(this, id, true, YamuxConfig.INITIAL_WINDOW);
    stream.awaitingAck = true;
    unacknowledged++;
    streams.put(id, stream);
    openStreams = streams.size();
    writeControl(YamuxFrame.windowUpdate(id, YamuxFlags.SYN, 0));
    if (!promise.trySuccess(stream)) {
      stream.reset();
    }
  }

  @Override
  public Future<Void> close() {
    onLoop(
        () -> {
          if (localGoAway || ctx == null) {
            return;
          }
          localGoAway = true;
          retryWaitingOpens();
          writeControl(YamuxFrame.goAway(YamuxProtocolException.NORMAL));
          if (streams.isEmpty()) {
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
    this.writer = new YamuxWriteScheduler(ctx, config.maxFramePayload());
    if (ctx.channel().isActive()) {
      start();
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    start();
    ctx.fireChannelActive();
  }

  private void start() {
    if (!started) {
      started = true;
      keepAlive.start(ctx);
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof YamuxFrame frame)) {
      ctx.fireChannelRead(msg);
      return;
    }
    try {
      switch (frame.type()) {
        case PING -> onPing(frame);
        case GO_AWAY -> onGoAway(frame.length());
        case DATA, WINDOW_UPDATE -> onStreamFrame(frame);
      }
    } finally {
      frame.release();
    }
  }

  private void onPing(YamuxFrame frame) {
    if (frame.hasFlag(YamuxFlags.SYN)) {
      writeControl(YamuxFrame.ping(YamuxFlags.ACK, frame.length()));
    } else if (frame.hasFlag(YamuxFlags.ACK)) {
      keepAlive.onPong(frame.length());
    }
  }

  private void onGoAway(long code) {
    remoteGoAway = true;
    retryWaitingOpens();
    if (code == YamuxProtocolException.NORMAL) {
      LOG.debug("yamux peer {} is going away", channel.remoteAddress());
    } else {
      LOG.info("yamux peer {} is going away with error code {}", channel.remoteAddress(), code);
    }
  }

  private void onStreamFrame(YamuxFrame frame) {
    long id = frame.streamId();
    if (id == 0) {
      throw YamuxProtocolException.protocolError(frame.type() + " frame on stream 0");
    }
    if (frame.hasFlag(YamuxFlags.SYN) && !acceptStream(id)) {
      return;
    }
    YamuxStream stream = streams.get(id);
    if (stream == null) {
      // go-yamux: likely a stream we reset or closed; discard, keep the session
      LOG.debug("yamux: discarding {} for unknown stream {}", frame, id);
      return;
    }
    if (stream.awaitingAck && (frame.hasFlag(YamuxFlags.ACK) || frame.hasFlag(YamuxFlags.RST))) {
      acknowledged(stream);
    }
    if (frame.type() == YamuxFrameType.WINDOW_UPDATE) {
      stream.onWindowUpdate(frame.length());
    } else if (frame.length() > 0) {
      YamuxReceiveWindow window = stream.inboundWindow();
      if (!window.tryReceive(frame.length())) {
        throw YamuxProtocolException.protocolError(
            "stream "
                + id
                + " received "
                + frame.length()
                + " bytes beyond its window credit of "
                + window.credit());
      }
      stream.onData(frame.content().retain());
    }
    if (frame.hasFlag(YamuxFlags.FIN)) {
      stream.onRemoteFin();
    }
    if (frame.hasFlag(YamuxFlags.RST)) {
      stream.onRemoteReset();
    }
  }

  /** Handles a SYN; returns false if the stream was refused (RST sent, frame discarded). */
  private boolean acceptStream(long id) {
    boolean remoteParity = (id % 2 == 0) == client;
    if (!remoteParity) {
      throw YamuxProtocolException.protocolError(
          "SYN for stream " + id + " has this side's parity");
    }
    if (streams.containsKey(id)) {
      throw YamuxProtocolException.protocolError("SYN for stream " + id + ", already open");
    }
    if (localGoAway || closeReason != null || streams.size() >= config.maxConcurrentStreams()) {
      LOG.debug(
          "yamux: refusing stream {} ({} open, going away: {})", id, streams.size(), localGoAway);
      writeControl(YamuxFrame.windowUpdate(id, YamuxFlags.RST, 0));
      return false;
    }
    YamuxStream stream = new YamuxStream(this, id, false, YamuxConfig.INITIAL_WINDOW);
    streams.put(id, stream);
    openStreams = streams.size();
    writeControl(YamuxFrame.windowUpdate(id, YamuxFlags.ACK, 0));
    try {
      acceptor.accept(stream);
    } catch (RuntimeException e) {
      LOG.warn("yamux: stream acceptor failed on stream {}; resetting it", id, e);
      stream.reset();
    }
    return true;
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable() && writer != null) {
      writer.drain();
    }
    ctx.fireChannelWritabilityChanged();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof YamuxProtocolException e) {
      closeWithError(e.goAwayCode(), e.getMessage());
    } else if (cause instanceof IOException) {
      LOG.debug("yamux connection {} failed", channel.remoteAddress(), cause);
      closeReason = "connection failed: " + cause.getMessage();
      ctx.close();
    } else {
      LOG.warn("yamux session {} hit an internal error", channel.remoteAddress(), cause);
      closeWithError(YamuxProtocolException.INTERNAL_ERROR, "internal error: " + cause);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (closeReason == null) {
      closeReason = "connection closed";
    }
    keepAlive.stop();
    if (writer != null) {
      writer.clear();
    }
    for (YamuxStream stream : new ArrayList<>(streams.values())) {
      stream.terminate(closeReason, true);
    }
    retryWaitingOpens();
    ctx.fireChannelInactive();
  }

  /** Sends go-away with a code and closes the connection; the reason is logged once. */
  void closeWithError(int code, String reason) {
    if (closeReason != null) {
      return;
    }
    closeReason = reason;
    LOG.warn("yamux session with {} closed: {}", channel.remoteAddress(), reason);
    localGoAway = true;
    retryWaitingOpens();
    if (!channel.isActive()) {
      ctx.close();
      return;
    }
    ctx.writeAndFlush(YamuxFrame.goAway(code)).addListener(ChannelFutureListener.CLOSE);
    ctx.executor().schedule(() -> ctx.close(), GO_AWAY_WRITE_DEADLINE_MS, TimeUnit.MILLISECONDS);
  }

  /** Writes a control frame at once, ahead of data still queued in the streams. */
  void writeControl(YamuxFrame frame) {
    ctx.writeAndFlush(frame);
  }

  /** Queues a stream that has something to send and writes while the connection is writable. */
  void scheduleDrain(YamuxStream stream) {
    if (writer != null) {
      writer.schedule(stream);
    }
  }

  /** The peer answered one of our SYNs (or the stream ended): let a waiting open proceed. */
  private void acknowledged(YamuxStream stream) {
    stream.awaitingAck = false;
    unacknowledged--;
    retryWaitingOpens();
  }

  /** Opens waiting for the ACK backlog proceed, or fail if the session is closing. */
  private void retryWaitingOpens() {
    while (!waitingForAckBacklog.isEmpty()
        && (unacknowledged < ACK_BACKLOG || localGoAway || remoteGoAway || closeReason != null)) {
      doOpenStream(waitingForAckBacklog.poll());
    }
  }

  void streamClosed(YamuxStream stream) {
    if (stream.awaitingAck) {
      acknowledged(stream);
    }
    if (streams.remove(stream.id(), stream)) {
      openStreams = streams.size();
      if (localGoAway && streams.isEmpty() && closeReason == null) {
        ctx.close();
      }
    }
  }

  YamuxReceiveWindow newReceiveWindow() {
    return new YamuxReceiveWindow(config.maxStreamWindow(), System.nanoTime());
  }

  long rttNanos() {
    return keepAlive.rttNanos();
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
