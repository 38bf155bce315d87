package io.dt4j.libp2p.noise;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.PromiseCombiner;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Noise transport messages (libp2p.md §4.2, §4.4): decrypts each inbound frame into a plaintext
 * buffer, encrypts outbound bytes into frames of at most 65535 bytes (65519 of plaintext). Each
 * frame is encrypted straight into one pooled direct buffer of exactly {@code 2 + n + 16} bytes:
 * direct because the socket write needs direct memory anyway (a heap frame would be copied once
 * more) and because Conscrypt seals direct buffers in place; measured, the JDK cipher is no slower
 * on direct buffers. Frame boundaries carry no meaning above this handler. A decryption failure
 * closes the connection.
 */
public final class NoiseTransportHandler extends ChannelDuplexHandler {
  /** Largest plaintext per frame: 65535 minus the 16-byte tag. */
  public static final int MAX_PLAINTEXT =
      NoiseFrameDecoder.MAX_FRAME_LENGTH - CipherState.TAG_LENGTH;

  private static final Logger LOG = LoggerFactory.getLogger(NoiseTransportHandler.class);

  private final CipherState sender;
  private final CipherState receiver;

  NoiseTransportHandler(CipherState sender, CipherState receiver) {
    this.sender = sender;
    this.receiver = receiver;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof ByteBuf frame)) {
      ctx.fireChannelRead(msg);
      return;
    }
    ByteBuf plaintext = null;
    try {
      int length = frame.readableBytes() - CipherState.TAG_LENGTH;
      if (length < 0) {
        throw new NoiseException(
            NoiseException.Reason.DECRYPTION_FAILED,
            "Noise transport frame of " + frame.readableBytes() + " bytes is shorter than a tag");
      }
      plaintext = allocate(ctx.alloc(), length);
      receiver.decrypt(frame.nioBuffer(), plaintext.nioBuffer(0, length));
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
      if (!data.isReadable()) {
        ctx.write(data.retain(), promise);
        return;
      }
      if (data.readableBytes() <= MAX_PLAINTEXT) {
        ctx.write(
            encryptFrame(ctx.alloc(), data, data.readerIndex(), data.readableBytes()), promise);
        return;
      }
      PromiseCombiner combiner = new PromiseCombiner(ctx.executor());
      for (int at = data.readerIndex(); at < data.writerIndex(); at += MAX_PLAINTEXT) {
        int length = Math.min(MAX_PLAINTEXT, data.writerIndex() - at);
        combiner.add(ctx.write(encryptFrame(ctx.alloc(), data, at, length)));
      }
      combiner.finish(promise);
    } catch (NoiseException e) {
      LOG.warn("closing {}: {}", ctx.channel(), e.getMessage());
      promise.tryFailure(e);
      ctx.close();
    } finally {
      data.release();
    }
  }

  private ByteBuf encryptFrame(ByteBufAllocator alloc, ByteBuf data, int at, int length)
      throws NoiseException {
    int frameLength = length + CipherState.TAG_LENGTH;
    ByteBuf frame = allocate(alloc, 2 + frameLength);
    try {
      frame.writeShort(frameLength);
      ByteBuffer[] plaintext = data.nioBuffers(at, length);
      sender.encrypt(plaintext, frame.nioBuffer(2, frameLength));
      frame.writerIndex(2 + frameLength);
      return frame;
    } catch (NoiseException | RuntimeException e) {
      frame.release();
      throw e;
    }
  }

  private ByteBuf allocate(ByteBufAllocator alloc, int capacity) {
    return alloc.directBuffer(capacity, capacity);
  }
}
