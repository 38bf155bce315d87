package io.dt4j.libp2p.noise;

/**
 * The Noise handshake or transport failed. Always connection-scoped: the connection must be closed
 * (libp2p.md §4.4: any decryption failure is fatal). {@link #reason()} tells what happened.
 */
public final class NoiseException extends Exception {
  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Reason {
    /** A handshake message is too short, or its payload is not a valid protobuf. */
    MALFORMED_MESSAGE,
    /** The remote identity key is missing, malformed or of an unsupported type. */
    BAD_IDENTITY_KEY,
    /** The signature over the remote's Noise static key does not verify. */
    BAD_SIGNATURE,
    /** The remote is not the peer that was dialed. */
    PEER_ID_MISMATCH,
    /** An AEAD tag did not verify, or a DH result was invalid. */
    DECRYPTION_FAILED,
    /** A frame was cut off by the end of the connection. */
    TRUNCATED_FRAME,
    /** The connection closed before the handshake finished. */
    CONNECTION_CLOSED,
    /** The nonce counter is exhausted (libp2p never rekeys). */
    NONCE_EXHAUSTED,
    /** The local crypto provider failed (not the remote's fault). */
    CRYPTO_PROVIDER
  }

  private final Reason reason;

  NoiseException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  NoiseException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** Returns what went wrong. */
  public Reason reason() {
    return reason;
  }
}
