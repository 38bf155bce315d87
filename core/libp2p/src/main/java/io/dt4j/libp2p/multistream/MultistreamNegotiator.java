package io.dt4j.libp2p.multistream;

import io.dt4j.libp2p.multistream.MultistreamException.Reason;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What the dialer and listener sides share: start once the channel is active, a timeout on the
 * event loop, and the hand-over. On success the selected protocol's handlers are installed, then
 * this handler and its frame decoder leave the pipeline, and the decoder passes on every byte it
 * still holds. On failure the promise fails and nothing more is read; the channel's owner closes
 * it.
 */
abstract class MultistreamNegotiator extends ChannelInboundHandlerAdapter {
  private final Duration timeout;
  private final ProtocolInstaller installer;
  private final Promise<String> result;
  private ChannelHandler frameDecoder;
  private ScheduledFuture<?> timer;
  private boolean started;
  private boolean done;

  MultistreamNegotiator(Duration timeout, ProtocolInstaller installer, Promise<String> result) {
    this.timeout = timeout;
    this.installer = installer;
    this.result = result;
  }

  void frameDecoder(ChannelHandler decoder) {
    this.frameDecoder = decoder;
  }

  /** Sends the first messages; called once, when the channel is active. */
  abstract void start(ChannelHandlerContext ctx);

  /** Handles one message; only called until the negotiation is done. */
  abstract void onMessage(ChannelHandlerContext ctx, String message) throws MultistreamException;

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (ctx.channel().isActive()) {
      begin(ctx);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    begin(ctx);
    ctx.fireChannelActive();
  }

  private void begin(ChannelHandlerContext ctx) {
    if (started) {
      return;
    }
    started = true;
    timer =
        ctx.executor()
            .schedule(
                () ->
                    fail(
                        new MultistreamException(
                            Reason.TIMEOUT,
                            "multistream negotiation did not finish within "
                                + timeout.toMillis()
                                + " ms")),
                timeout.toNanos(),
                TimeUnit.NANOSECONDS);
    start(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (done) {
        return; // failed: drop whatever still arrives until the owner closes the channel
      }
      if (!(msg instanceof ByteBuf frame)) {
        throw new IllegalStateException("expected a multistream frame, got " + msg.getClass());
      }
      onMessage(ctx, MultistreamMessages.decode(frame));
    } catch (MultistreamException e) {
      fail(e);
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    fail(
        new MultistreamException(
            Reason.CONNECTION_CLOSED, "connection closed during multistream negotiation"));
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof TooLongFrameException || cause instanceof DecoderException) {
      fail(new MultistreamException(Reason.MALFORMED_MESSAGE, cause.getMessage(), cause));
    } else {
      fail(
          new MultistreamException(
              Reason.MALFORMED_MESSAGE, "multistream negotiation failed: " + cause, cause));
    }
  }

  /** Installs the next protocol, leaves the pipeline, completes the promise. */
  final void succeed(ChannelHandlerContext ctx, String protocol) {
    done = true;
    timer.cancel(false);
    try {
      installer.install(ctx.pipeline(), protocol);
    } catch (Exception e) {
      result.tryFailure(
          new MultistreamException(
              Reason.INSTALL_FAILED, "installing " + protocol + " failed: " + e.getMessage(), e));
      return;
    }
    // order matters: once this handler is gone, the decoder's leftover bytes reach the new stage
    ctx.pipeline().remove(this);
    if (frameDecoder != null) {
      ctx.pipeline().remove(frameDecoder);
    }
    result.trySuccess(protocol);
  }

  final void fail(MultistreamException cause) {
    if (done) {
      return;
    }
    done = true;
    if (timer != null) {
      timer.cancel(false);
    }
    result.tryFailure(cause);
  }
}
