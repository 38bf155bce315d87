package io.dt4j.vouchers.filecoin.storage;

/**
 * A storage deal could not be checked: the allow-list file is unreadable or has a bad line, or the
 * callback failed or did not answer in time. The message says which and why; the push is rejected
 * with it.
 */
public class DealCheckException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what could not be checked and why
   */
  public DealCheckException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what could not be checked and why
   * @param cause the underlying failure
   */
  public DealCheckException(String message, Throwable cause) {
    super(message, cause);
  }
}
