package io.dt4j.libp2p.host;

import io.dt4j.api.host.StreamException;

/**
 * A stream's multistream-select negotiation failed (libp2p.md §3). Stream-scoped: the stream is
 * reset, the connection stays up.
 */
public final class NegotiationException extends StreamException {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Reason {
    /** The peer answered {@code na} to every proposed protocol. */
    NO_PROTOCOL_ACCEPTED,
    /** A message was not {@code uvarint(len) · utf8 · '\n'}, or was too long. */
    MALFORMED_MESSAGE,
    /** The peer's first message was not {@code /multistream/1.0.0}. */
    BAD_HEADER,
    /** The peer answered something other than the proposal or {@code na}. */
    UNEXPECTED_RESPONSE,
    /** The negotiation did not finish in time. */
    TIMEOUT,
    /** The stream was reset or closed, or the connection lost, before the negotiation finished. */
    STREAM_CLOSED
  }

  private final Reason reason;

  NegotiationException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Returns what went wrong. */
  public Reason reason() {
    return reason;
  }
}
