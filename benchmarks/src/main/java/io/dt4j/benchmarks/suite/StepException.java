package io.dt4j.benchmarks.suite;

/** A measurement step could not produce its figures; the message is the reason in the table. */
public final class StepException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A step failure with a reason for the table. */
  public StepException(String reason) {
    super(reason);
  }
}
