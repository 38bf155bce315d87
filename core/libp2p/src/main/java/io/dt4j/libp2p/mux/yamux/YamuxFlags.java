package io.dt4j.libp2p.mux.yamux;

/** The yamux header flag bits (libp2p.md §5.1). */
public final class YamuxFlags {
  /** Opens a stream, or requests a ping. */
  public static final int SYN = 0x1;

  /** Accepts a stream, or answers a ping. */
  public static final int ACK = 0x2;

  /** Half-closes the sender's direction. */
  public static final int FIN = 0x4;

  /** Resets the stream in both directions. */
  public static final int RST = 0x8;

  private YamuxFlags() {}

  static boolean has(int flags, int flag) {
    return (flags & flag) != 0;
  }
}
