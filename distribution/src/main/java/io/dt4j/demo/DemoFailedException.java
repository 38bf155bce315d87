package io.dt4j.demo;

/** The demo ran but did not end verified: a channel did not complete, or the bytes differ. */
public class DemoFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the demo failed. */
  public enum Reason {
    /** The nodes could not connect, or the channel could not be opened. */
    OPEN_FAILED,
    /** A channel ended Failed or Cancelled. */
    TRANSFER_FAILED,
    /** Nothing happened on the channel for too long. */
    STALLED,
    /** The received file's bytes differ from the source's. */
    MISMATCH
  }

  private final Reason reason;

  /**
   * @param reason why
   * @param message what happened, one line
   */
  public DemoFailedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** Returns why the demo failed. */
  public Reason reason() {
    return reason;
  }
}
