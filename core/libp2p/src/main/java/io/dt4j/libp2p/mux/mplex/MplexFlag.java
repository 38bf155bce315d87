package io.dt4j.libp2p.mux.mplex;

/**
 * The mplex message flags (libp2p.md §6.1), the low three bits of the header. "Initiator" flags are
 * sent by the side that opened the stream, "receiver" flags by the other side.
 */
public enum MplexFlag {
  /** Opens a stream; the data is its name. */
  NEW_STREAM(0),
  /** Data from the side that did not open the stream. */
  MESSAGE_RECEIVER(1),
  /** Data from the opener. */
  MESSAGE_INITIATOR(2),
  /** Half-close by the side that did not open the stream. */
  CLOSE_RECEIVER(3),
  /** Half-close by the opener. */
  CLOSE_INITIATOR(4),
  /** Reset by the side that did not open the stream. */
  RESET_RECEIVER(5),
  /** Reset by the opener. */
  RESET_INITIATOR(6);

  private final int code;

  MplexFlag(int code) {
    this.code = code;
  }

  /** Returns the wire code. */
  public int code() {
    return code;
  }

  /** Returns whether the sender of this flag opened the stream. */
  public boolean fromInitiator() {
    return this == NEW_STREAM
        || this == MESSAGE_INITIATOR
        || this == CLOSE_INITIATOR
        || this == RESET_INITIATOR;
  }

  static MplexFlag message(boolean initiator) {
    return initiator ? MESSAGE_INITIATOR : MESSAGE_RECEIVER;
  }

  static MplexFlag close(boolean initiator) {
    return initiator ? CLOSE_INITIATOR : CLOSE_RECEIVER;
  }

  static MplexFlag reset(boolean initiator) {
    return initiator ? RESET_INITIATOR : RESET_RECEIVER;
  }

  /**
   * Returns the flag with a wire code.
   *
   * @param code the low three header bits
   * @return the flag
   * @throws MplexProtocolException for code 7 (connection-scoped)
   */
  public static MplexFlag requireFromCode(int code) {
    MplexFlag[] all = values();
    if (code < 0 || code >= all.length) {
      throw new MplexProtocolException("unknown mplex flag " + code);
    }
    return all[code];
  }
}
