package io.dt4j.libp2p.mux.yamux;

/** The yamux frame types (libp2p.md §5.1), with their wire codes. */
public enum YamuxFrameType {
  /** Stream data; the only type with a body. */
  DATA(0),
  /** Window update: {@code length} is the window delta. */
  WINDOW_UPDATE(1),
  /** Ping on stream 0: {@code length} is an opaque value. */
  PING(2),
  /** Go away on stream 0: {@code length} is the error code. */
  GO_AWAY(3);

  private final int code;

  YamuxFrameType(int code) {
    this.code = code;
  }

  /** Returns the wire code. */
  public int code() {
    return code;
  }

  /**
   * Returns the type with a wire code.
   *
   * @param code the wire code
   * @return the type
   * @throws YamuxProtocolException if the code is not a yamux type (connection-scoped)
   */
  public static YamuxFrameType requireFromCode(int code) {
    return switch (code) {
      case 0 -> DATA;
      case 1 -> WINDOW_UPDATE;
      case 2 -> PING;
      case 3 -> GO_AWAY;
      default -> throw YamuxProtocolException.protocolError("unknown yamux frame type " + code);
    };
  }
}
