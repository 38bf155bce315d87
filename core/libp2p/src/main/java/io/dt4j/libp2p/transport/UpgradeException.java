package io.dt4j.libp2p.transport;

/**
 * Connecting or upgrading a connection failed; the connection was closed. Only this connection is
 * affected. {@link #stage()} tells which step failed; the cause is the step's typed exception
 * ({@code MultistreamException}, {@code NoiseException}, an I/O error).
 */
public final class UpgradeException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The step of the connection set-up that failed. */
  public enum Stage {
    /** The TCP connect itself. */
    CONNECT,
    /** multistream-select of the security protocol ({@code /noise}). */
    SECURITY_NEGOTIATION,
    /** The Noise handshake, including verification of the remote identity. */
    NOISE_HANDSHAKE,
    /** multistream-select of the muxer, or installing it. */
    MUXER_NEGOTIATION,
    /** The whole upgrade took longer than allowed. */
    TIMEOUT,
    /** The connection closed before the upgrade finished. */
    CONNECTION_CLOSED
  }

  private final Stage stage;

  UpgradeException(Stage stage, String message, Throwable cause) {
    super(message, cause);
    this.stage = stage;
  }

  /** Returns the step that failed. */
  public Stage stage() {
    return stage;
  }
}
