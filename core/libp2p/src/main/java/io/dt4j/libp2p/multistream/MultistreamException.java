package io.dt4j.libp2p.multistream;

/**
 * multistream-select negotiation failed. Connection-scoped during a connection upgrade: the owner
 * of the channel closes it. {@link #reason()} tells what happened.
 */
public final class MultistreamException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Reason {
    /** A message was not {@code uvarint(len) · utf8 · '\n'}, or was longer than allowed. */
    MALFORMED_MESSAGE,
    /** The remote's first message was not {@code /multistream/1.0.0}. */
    BAD_HEADER,
    /** The remote answered {@code na} to every proposal. */
    NO_PROTOCOL_ACCEPTED,
    /** The remote answered something other than the proposal or {@code na}. */
    UNEXPECTED_RESPONSE,
    /** The negotiation did not finish in time. */
    TIMEOUT,
    /** The connection closed before the negotiation finished. */
    CONNECTION_CLOSED,
    /** Installing the handlers of the selected protocol failed. */
    INSTALL_FAILED
  }

  private final Reason reason;

  MultistreamException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  MultistreamException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** Returns what went wrong. */
  public Reason reason() {
    return reason;
  }
}
