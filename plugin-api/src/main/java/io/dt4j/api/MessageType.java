package io.dt4j.api;

/**
 * The {@code Type} field of data-transfer requests and responses, with its wire code
 * (data-transfer.md §2.1). The same codes serve requests and responses; {@link #RESTART} and {@link
 * #RESTART_EXISTING_CHANNEL_REQUEST} exist only in protocol 1.1.
 */
public enum MessageType {
  /** Opens a channel (request) or accepts/rejects it (response). */
  NEW(0),
  /** Pauses or resumes a channel. */
  UPDATE(1),
  /** Cancels a channel. */
  CANCEL(2),
  /** The responder finished (response only). */
  COMPLETE(3),
  /** A new voucher on an existing channel (request only). */
  VOUCHER(4),
  /** The result of a revalidation (response only). */
  VOUCHER_RESULT(5),
  /** The initiator restarts a channel (request), or the answer to that (response). */
  RESTART(6),
  /** The responder asks the initiator to restart a channel (request only). */
  RESTART_EXISTING_CHANNEL_REQUEST(7);

  private static final MessageType[] BY_CODE = values();

  private final int code;

  MessageType(int code) {
    this.code = code;
  }

  /** Returns the wire code. */
  public int code() {
    return code;
  }

  /**
   * Returns the message type with the given wire code.
   *
   * @param code a code from 0 to 7
   * @return the message type
   * @throws IllegalArgumentException if no message type has this code
   */
  public static MessageType fromCode(long code) {
    if (code < 0 || code >= BY_CODE.length) {
      throw new IllegalArgumentException(
          "unknown data-transfer message type "
              + code
              + " (known: 0.."
              + (BY_CODE.length - 1)
              + ")");
    }
    return BY_CODE[(int) code];
  }
}
