package io.dt4j.libp2p.noise;

import io.dt4j.libp2p.noise.NoiseException.Reason;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Promise;

/**
 * Runs a {@link NoiseHandshake} over whole frames from a {@link NoiseFrameDecoder}. When the remote
 * is verified it replaces itself with a {@link NoiseTransportHandler}, lets the installer add the
 * next stage, and completes the promise; frames already read behind the last handshake message then
 * flow into the transport handler. On failure the promise fails and nothing more is read; the
 * channel's owner closes it.
 */
public final class NoiseHandshakeHandler extends ChannelInboundHandlerAdapter {
  private final NoiseHandshake handshake;
  private final NoiseSessionInstaller installer;
  private final Promise<NoiseSession> result;
  private int step;
  private boolean started;
  private boolean done;

  /**
   * Creates the handler; see {@link NoiseSecurity#secure} for the usual way to install it.
   *
   * @param handshake the handshake state, initiator or responder
   * @param installer installs the next stage once the remote is verified
   * @param result completes with the session, or fails with {@link NoiseException}
   */
  public NoiseHandshakeHandler(
      NoiseHandshake handshake, NoiseSessionInstaller installer, Promise<NoiseSession> result) {
    this.handshake = handshake;
    this.installer = installer;
    this.result = result;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    if (ctx.channel().isActive()) {
      start(ctx);
    }
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    start(ctx);
    ctx.fireChannelActive();
  }

  private void start(ChannelHandlerContext ctx) {
    if (started) {
      return;
    }
    started = true;
    if (handshake.isInitiator()) {
      try {
        writeFrame(ctx, handshake.writeMessage1());
      } catch (NoiseException e) {
        fail(e);
      }
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (done) {
        return;
      }
      if (!(msg instanceof ByteBuf frame)) {
        throw new IllegalStateException("expected a Noise frame, got " + msg.getClass());
      }
      onMessage(ctx, ByteBufUtil.getBytes(frame));
    } catch (NoiseException e) {
      fail(e);
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  private void onMessage(ChannelHandlerContext ctx, byte[] message) throws NoiseException {
    step++;
    if (handshake.isInitiator()) {
      if (step != 1) {
        throw new NoiseException(Reason.MALFORMED_MESSAGE, "unexpected handshake message " + step);
      }
      handshake.readMessage2(message);
      writeFrame(ctx, handshake.writeMessage3());
      complete(ctx);
    } else if (step == 1) {
      handshake.readMessage1(message);
      writeFrame(ctx, handshake.writeMessage2());
    } else {
      handshake.readMessage3(message);
      complete(ctx);
    }
  }

  private void complete(ChannelHandlerContext ctx) throws NoiseException {
    done = true;
    CipherState[] ciphers = handshake.split();
    NoiseSession session = handshake.session().orElseThrow();
    ctx.pipeline().replace(this, null, new NoiseTransportHandler(ciphers[0], ciphers[1]));
    try {
      installer.install(ctx.pipeline(), session);
    } catch (Exception e) {
      result.tryFailure(e);
      return;
    }
    result.trySuccess(session);
  }

  private static void writeFrame(ChannelHandlerContext ctx, byte[] message) {
    ByteBuf frame = ctx.alloc().buffer(2 + message.length);
    frame.writeShort(message.length).writeBytes(message);
    ctx.writeAndFlush(frame);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    // deferred: the frame decoder reports a truncated frame only after channelInactive has passed
    ctx.executor()
        .execute(
            () ->
                fail(
                    new NoiseException(
                        Reason.CONNECTION_CLOSED, "connection closed during Noise handshake")));
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof CorruptedFrameException
        || cause.getCause() instanceof CorruptedFrameException) {
      fail(new NoiseException(Reason.TRUNCATED_FRAME, cause.getMessage(), cause));
    } else {
      fail(new NoiseException(Reason.MALFORMED_MESSAGE, "Noise handshake failed: " + cause, cause));
    }
  }

  private void fail(NoiseException cause) {
    if (!done) {
      done = true;
      result.tryFailure(cause);
    }
  }
}
