package io.dt4j.libp2p.mux.yamux;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.DefaultByteBufHolder;
import io.netty.buffer.Unpooled;

/**
 * One yamux frame (libp2p.md §5.1). Reference-counted: its {@link #content()} is the data payload
 * (empty except for {@link YamuxFrameType#DATA}); whoever holds the frame releases it once.
 *
 * <pre>
 * | version u8 = 0 | type u8 | flags u16 | stream id u32 | length u32 | payload (DATA only) |
 * </pre>
 *
 * {@code length} is the payload size for DATA, the window delta for WINDOW_UPDATE, an opaque value
 * for PING and the error code for GO_AWAY. Unsigned 32-bit values are held in {@code long}s.
 */
public final class YamuxFrame extends DefaultByteBufHolder {
  /** The size of the fixed header. */
  public static final int HEADER_LENGTH = 12;

  private final YamuxFrameType type;
  private final int flags;
  private final long streamId;
  private final long length;

  private YamuxFrame(YamuxFrameType type, int flags, long streamId, long length, ByteBuf data) {
    super(data);
    this.type = type;
    this.flags = flags;
    this.streamId = streamId;
    this.length = length;
  }

  /**
   * Creates a frame as read from the wire or built by a test.
   *
   * @param type the type
   * @param flags the flag bits, see {@link YamuxFlags}
   * @param streamId the stream id, 0 for the session
   * @param length the length field; for DATA it must equal the payload size
   * @param data the payload, owned by the frame; empty unless DATA
   * @return the frame
   */
  public static YamuxFrame of(
      YamuxFrameType type, int flags, long streamId, long length, ByteBuf data) {
    if (type == YamuxFrameType.DATA && data.readableBytes() != length) {
      data.release();
      throw new IllegalArgumentException(
          "data frame length " + length + " differs from payload size " + data.readableBytes());
    }
    return new YamuxFrame(type, flags, streamId, length, data);
  }

  /** A data frame; its length is the payload size. */
  static YamuxFrame data(long streamId, int flags, ByteBuf data) {
    return new YamuxFrame(YamuxFrameType.DATA, flags, streamId, data.readableBytes(), data);
  }

  /** A window update, also used to open, accept, half-close and reset streams. */
  static YamuxFrame windowUpdate(long streamId, int flags, long delta) {
    return new YamuxFrame(
        YamuxFrameType.WINDOW_UPDATE, flags, streamId, delta, Unpooled.EMPTY_BUFFER);
  }

  static YamuxFrame ping(int flags, long value) {
    return new YamuxFrame(YamuxFrameType.PING, flags, 0, value, Unpooled.EMPTY_BUFFER);
  }

  static YamuxFrame goAway(int code) {
    return new YamuxFrame(YamuxFrameType.GO_AWAY, 0, 0, code, Unpooled.EMPTY_BUFFER);
  }

  /** Returns the frame type. */
  public YamuxFrameType type() {
    return type;
  }

  /** Returns the flag bits. */
  public int flags() {
    return flags;
  }

  /** Returns whether a flag bit is set. */
  public boolean hasFlag(int flag) {
    return YamuxFlags.has(flags, flag);
  }

  /** Returns the stream id (unsigned 32-bit). */
  public long streamId() {
    return streamId;
  }

  /** Returns the length field (unsigned 32-bit). */
  public long length() {
    return length;
  }

  @Override
  public YamuxFrame replace(ByteBuf content) {
    return new YamuxFrame(type, flags, streamId, length, content);
  }

  @Override
  public String toString() {
    return "YamuxFrame{"
        + type
        + ", flags=0x"
        + Integer.toHexString(flags)
        + ", stream="
        + streamId
        + ", length="
        + length
        + '}';
  }
}
