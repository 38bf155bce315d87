package io.dt4j.libp2p.mux.mplex;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;
import io.netty.buffer.Unpooled;

/**
 * One mplex message (libp2p.md §6.1). Reference-counted: its {@link #content()} is the data (the
 * stream name for NEW_STREAM); whoever holds the frame releases it once.
 *
 * <pre>
 * | uvarint((stream id &lt;&lt; 3) | flag) | uvarint(length) | length bytes |
 * </pre>
 */
public final class MplexFrame extends DefaultByteBufHolder {
  private final long streamId;
  private final MplexFlag flag;

  private MplexFrame(long streamId, MplexFlag flag, ByteBuf data) {
    super(data);
    this.streamId = streamId;
    this.flag = flag;
  }

  /**
   * Creates a message.
   *
   * @param streamId the stream id, below 2^60
   * @param flag the flag
   * @param data the data, owned by the frame
   * @return the frame
   */
  public static MplexFrame of(long streamId, MplexFlag flag, ByteBuf data) {
    if (streamId < 0 || streamId >= 1L << 60) {
      data.release();
      throw new IllegalArgumentException("mplex stream id out of range: " + streamId);
    }
    return new MplexFrame(streamId, flag, data);
  }

  static MplexFrame empty(long streamId, MplexFlag flag) {
    return new MplexFrame(streamId, flag, Unpooled.EMPTY_BUFFER);
  }

  /** Returns the stream id, as numbered by the side that opened the stream. */
  public long streamId() {
    return streamId;
  }

  /** Returns the flag. */
  public MplexFlag flag() {
    return flag;
  }

  @Override
  public MplexFrame replace(ByteBuf content) {
    return new MplexFrame(streamId, flag, content);
  }

  @Override
  public String toString() {
    return "MplexFrame{"
        + flag
        + ", stream="
        + streamId
        + ", length="
        + content().readableBytes()
        + '}';
  }
}
