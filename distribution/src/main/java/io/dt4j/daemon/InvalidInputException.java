package io.dt4j.daemon;

/**
 * Input from a client that cannot be used: a malformed address, CID, selector or voucher, an
 * unknown voucher type. The message says what is wrong; the admin API answers 400 with it.
 */
public class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong with the input; one line
   */
  public InvalidInputException(String message) {
    super(message);
  }
}
