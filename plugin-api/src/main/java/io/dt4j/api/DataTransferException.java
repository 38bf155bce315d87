package io.dt4j.api;

/**
 * The base of the data-transfer errors. Each subclass stands for one error value of
 * go-data-transfer (data-transfer.md §7.1) and carries Go's exact text as its default message, so
 * that logs and channel messages read the same on both implementations.
 */
public class DataTransferException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong
   */
  public DataTransferException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public DataTransferException(String message, Throwable cause) {
    super(message, cause);
  }
}
