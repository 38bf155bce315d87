package io.dt4j.api;

/**
 * The base of the data-transfer errors. Each subclass stands for one error value of
 * go-data-transfer (data-transfer.md §7.1) and carries Go's exact text as its default message, so
 * that logs and channel messages read the same on both implementations.
 */
public class DataTransferException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The response to send to the other party before acting on this exception, or null. */
  private final transient TransferResponse reply;

  /**
   * Creates the exception.
   *
   * @param message what went wrong
   */
  public DataTransferException(String message) {
    super(message);
    this.reply = null;
  }

  /**
   * Creates the exception with the response that must still reach the other party: Go's handlers
   * return a message and an error together, e.g. a rejection carrying the validator's voucher
   * result. A transport sends the reply first, then acts on the exception (pause or cancel).
   *
   * @param message what went wrong
   * @param reply the response to send first
   */
  public DataTransferException(String message, TransferResponse reply) {
    super(message);
    this.reply = java.util.Objects.requireNonNull(reply, "reply");
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public DataTransferException(String message, Throwable cause) {
    super(message, cause);
    this.reply = null;
  }

  /**
   * Returns the response to send to the other party before acting on this exception, if any.
   *
   * @return the reply
   */
  public java.util.Optional<TransferResponse> reply() {
    return java.util.Optional.ofNullable(reply);
  }
}
