package io.dt4j.libp2p.mux.yamux;

import io.netty.channel.ChannelHandlerContext;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Session pings (libp2p.md §5.6): one right away to measure the round trip (which drives window
 * auto-tuning), then one every keep-alive interval; an unanswered ping closes the session after the
 * ping timeout. Timers run on the connection's event loop; nothing here blocks.
 */
final class YamuxKeepAlive {
  private final YamuxSession session;
  private final YamuxConfig config;
  private ChannelHandlerContext ctx;
  private long nextPingValue = 1;
  private long outstandingValue = -1;
  private long sentAtNanos;
  private long rttNanos;
  private ScheduledFuture<?> intervalTimer;
  private ScheduledFuture<?> timeoutTimer;

  YamuxKeepAlive(YamuxSession session, YamuxConfig config) {
    this.session = session;
    this.config = config;
  }

  void start(ChannelHandlerContext ctx) {
    this.ctx = ctx;
    sendPing();
    long interval = config.keepAliveInterval().toNanos();
    if (interval > 0) {
      intervalTimer =
          ctx.executor()
              .scheduleAtFixedRate(this::sendPing, interval, interval, TimeUnit.NANOSECONDS);
    }
  }

  void stop() {
    if (intervalTimer != null) {
      intervalTimer.cancel(false);
    }
    if (timeoutTimer != null) {
      timeoutTimer.cancel(false);
    }
  }

  /** The last measured round trip, 0 before the first pong. */
  long rttNanos() {
    return rttNanos;
  }

  private void sendPing() {
    if (outstandingValue >= 0) {
      return; // the previous ping is still out; its timeout decides
    }
    outstandingValue = nextPingValue;
    nextPingValue = (nextPingValue + 1) & 0xFFFF_FFFFL;
    sentAtNanos = System.nanoTime();
    session.writeControl(YamuxFrame.ping(YamuxFlags.SYN, outstandingValue));
    timeoutTimer =
        ctx.executor()
            .schedule(
                () ->
                    session.closeWithError(
                        YamuxProtocolException.INTERNAL_ERROR,
                        "no answer to ping within " + config.pingTimeout()),
                config.pingTimeout().toNanos(),
                TimeUnit.NANOSECONDS);
  }

  /** A ping answer (ACK) arrived. */
  void onPong(long value) {
    if (value != outstandingValue) {
      return;
    }
    rttNanos = Math.max(1, System.nanoTime() - sentAtNanos);
    outstandingValue = -1;
    timeoutTimer.cancel(false);
  }
}
