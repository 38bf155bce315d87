package io.dt4j.libp2p.noise;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Noise transport messages (libp2p.md §4.2, §4.4): decrypts each inbound frame into a plaintext
 * buffer; outbound, {@link NoiseFrameWriter} packs the written bytes into frames of at most 65535
 * bytes (65519 of plaintext), sealed at each flush. Frames are encrypted straight into pooled
 * direct buffers of exactly {@code 2 + n + 16} bytes: direct because the socket write needs direct
 * memory anyway (a heap frame would be copied once more) and because Conscrypt seals and opens
 * direct buffers in place; measured, the JDK cipher is no slower on direct buffers. An inbound
 * frame that arrived in two reads is first joined into one direct buffer (the cipher takes one
 * contiguous input). Frame boundaries carry no meaning above this handler. A cipher failure closes
 * the connection.
 */
public final class NoiseTransportHandler extends ChannelDuplexHandler {
  /** Largest plaintext per frame: 65535 minus the 16-byte tag. */
  public static final int MAX_PLAINTEXT =
      NoiseFrameDecoder.MAX_FRAME_LENGTH - CipherState.TAG_LENGTH;

  private static final Logger LOG = LoggerFactory.getLogger(NoiseTransportHandler.class);

  private final NoiseFrameWriter writer;
  private final CipherState receiver;

  NoiseTransportHandler(CipherState sender, CipherState receiver) {
    this.writer = new NoiseFrameWriter(sender);
    this.receiver = receiver;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf frame)) {
      ctx.fireChannelRead(msg);
      return;
    }
    ByteBuf ciphertext = frame;
    ByteBuf plaintext = null;
    try {
      int length = frame.readableBytes() - CipherState.TAG_LENGTH;
      if (length < 0) {
        throw new NoiseException(
            NoiseException.Reason.DECRYPTION_FAILED,
            "Noise transport frame of " + frame.readableBytes() + " bytes is shorter than a tag");
      }
      if (frame.nioBufferCount() != 1 || !frame.isDirect()) {
        // getBytes copies part by part; writeBytes(frame) would join the parts on the heap first
        ciphertext = allocate(ctx.alloc(), frame.readableBytes());
        frame.getBytes(frame.readerIndex(), ciphertext, frame.readableBytes());
      }
      plaintext = allocate(ctx.alloc(), length);
      receiver.decrypt(ciphertext.nioBuffer(), plaintext.nioBuffer(0, length));
      plaintext.writerIndex(length);
      if (length > 0) {
        ctx.fireChannelRead(plaintext);
        plaintext = null;
      }
    } catch (NoiseException e) {
      LOG.warn("closing {}: {}", ctx.channel(), e.getMessage());
      ctx.close();
    } finally {
      frame.release();
      if (ciphertext != frame) {
        ciphertext.release();
      }
      if (plaintext != null) {
        plaintext.release();
      }
    }
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (!(msg instanceof ByteBuf data)) {
      ReferenceCountUtil.release(msg);
      promise.setFailure(
          new IllegalArgumentException("only ByteBufs can be encrypted, got " + msg.getClass()));
      return;
    }
    try {
      writer.write(ctx, data, promise);
    } catch (NoiseException e) {
      failed(ctx, e);
      promise.tryFailure(e);
    }
  }

  @Override
  public void flush(ChannelHandlerContext ctx) {
    try {
      writer.sealPending(ctx);
    } catch (NoiseException e) {
      failed(ctx, e);
    }
    ctx.flush();
  }

  @Override
  public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
    flush(ctx); // what was written before the close goes out before it
    ctx.close(promise);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    writer.discard();
    ctx.fireChannelInactive();
  }

  @Override
  public void handlerRemoved(ChannelHandlerContext ctx) {
    writer.discard();
  }

  private void failed(ChannelHandlerContext ctx, NoiseException e) {
    LOG.warn("closing {}: {}", ctx.channel(), e.getMessage());
    writer.discard();
    ctx.close();
  }

  private ByteBuf allocate(ByteBufAllocator alloc, int capacity) {
    return alloc.directBuffer(capacity, capacity);
  }
}
