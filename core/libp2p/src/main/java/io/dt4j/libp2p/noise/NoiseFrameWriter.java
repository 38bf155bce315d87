package io.dt4j.libp2p.noise;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.util.concurrent.PromiseNotifier;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;

/**
 * The outbound side of {@link NoiseTransportHandler}: packs the plaintext of consecutive writes
 * into full Noise frames of {@link NoiseTransportHandler#MAX_PLAINTEXT} bytes and seals each one
 * with a single cipher call; a flush seals what is left. A muxer writes a small header and then a
 * payload per frame: sealed one by one, a 64 KiB yamux frame took three Noise frames (header, 65519
 * bytes, 17 bytes), three cipher calls, and the reader had to join them again. Measured on a 2-core
 * VM, sealing 12 bytes through Conscrypt costs about as much as copying 64 KiB, so small pieces are
 * copied into one staging buffer and sealed together; a write that covers a whole frame while
 * nothing is staged is sealed straight from the caller's buffer, without a copy.
 *
 * <p>A write's promise completes once the frame holding its last byte was written. At most one
 * frame of plaintext waits here between flushes, so the channel's writability still bounds what a
 * writer queues. Event-loop only.
 */
final class NoiseFrameWriter {
  private static final int MAX_PLAINTEXT = NoiseTransportHandler.MAX_PLAINTEXT;

  private final CipherState sender;

  /** Promises of writes whose last byte is staged. */
  private final ArrayDeque<ChannelPromise> waiting = new ArrayDeque<>();

  private ByteBuf staging;

  NoiseFrameWriter(CipherState sender) {
    this.sender = sender;
  }

  /**
   * Seals the full frames this write completes and stages the rest.
   *
   * @param data the plaintext, released here
   * @throws NoiseException if the cipher fails; the caller closes the connection
   */
  void write(ChannelHandlerContext ctx, ByteBuf data, ChannelPromise promise)
      throws NoiseException {
    try {
      boolean promiseQueued = false;
      while (data.isReadable()) {
        ByteBuf frame;
        if (staged() == 0 && data.readableBytes() >= MAX_PLAINTEXT && oneDirectBuffer(data)) {
          frame = seal(ctx, data.nioBuffer(data.readerIndex(), MAX_PLAINTEXT));
          data.skipBytes(MAX_PLAINTEXT);
        } else {
          stage(ctx, data);
          if (staged() < MAX_PLAINTEXT) {
            break;
          }
          frame = sealStaged(ctx);
        }
        if (!data.isReadable()) {
          waiting.add(promise);
          promiseQueued = true;
        }
        ctx.write(frame, framePromise(ctx));
      }
      if (!promiseQueued) {
        waiting.add(promise); // its last byte is staged, or it was empty
      }
    } finally {
      data.release();
    }
  }

  /**
   * Seals and writes what is staged; the caller then flushes. Writes waiting without staged bytes
   * (empty ones) complete with an empty write, in order.
   */
  void sealPending(ChannelHandlerContext ctx) throws NoiseException {
    if (staged() > 0) {
      ctx.write(sealStaged(ctx), framePromise(ctx));
    } else if (!waiting.isEmpty()) {
      ctx.write(Unpooled.EMPTY_BUFFER, framePromise(ctx));
    }
  }

  /** Drops what is staged; waiting writes fail. */
  void discard() {
    if (staging != null) {
      staging.release();
      staging = null;
    }
    ClosedChannelException closed = new ClosedChannelException();
    for (ChannelPromise p; (p = waiting.poll()) != null; ) {
      p.tryFailure(closed);
    }
  }

  private int staged() {
    return staging == null ? 0 : staging.readableBytes();
  }

  private void stage(ChannelHandlerContext ctx, ByteBuf data) {
    if (staging == null) {
      staging = ctx.alloc().directBuffer(MAX_PLAINTEXT, MAX_PLAINTEXT);
    }
    // readBytes copies part by part; staging.writeBytes(data) would view a composite as one heap
    // buffer first, a copy more
    data.readBytes(staging, Math.min(data.readableBytes(), staging.writableBytes()));
  }

  /** Whether the cipher can read the buffer in place: one direct NIO buffer (else: staged). */
  private static boolean oneDirectBuffer(ByteBuf data) {
    return data.isDirect() && data.nioBufferCount() == 1;
  }

  private ByteBuf sealStaged(ChannelHandlerContext ctx) throws NoiseException {
    ByteBuf frame = seal(ctx, staging.nioBuffer());
    staging.clear();
    return frame;
  }

  /** Encrypts one frame's plaintext into a new pooled direct buffer of exactly its wire size. */
  private ByteBuf seal(ChannelHandlerContext ctx, ByteBuffer plaintext) throws NoiseException {
    int frameLength = plaintext.remaining() + CipherState.TAG_LENGTH;
    ByteBuf frame = ctx.alloc().directBuffer(2 + frameLength, 2 + frameLength);
    try {
      frame.writeShort(frameLength);
      // one call on direct buffers: Conscrypt seals them without copying
      sender.encrypt(new ByteBuffer[] {plaintext}, frame.nioBuffer(2, frameLength));
      frame.writerIndex(2 + frameLength);
      return frame;
    } catch (NoiseException | RuntimeException e) {
      frame.release();
      throw e;
    }
  }

  /** The promise of the next frame: it completes the writes waiting for that frame. */
  private ChannelPromise framePromise(ChannelHandlerContext ctx) {
    if (waiting.size() == 1) {
      return waiting.poll();
    }
    ChannelPromise promise = ctx.newPromise();
    if (!waiting.isEmpty()) {
      promise.addListener(new PromiseNotifier<>(false, waiting.toArray(ChannelPromise[]::new)));
      waiting.clear();
    }
    return promise;
  }
}
