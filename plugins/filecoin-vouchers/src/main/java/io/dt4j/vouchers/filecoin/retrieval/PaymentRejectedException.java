package io.dt4j.vouchers.filecoin.retrieval;

/** A retrieval payment cannot be taken; the message says why, and the channel ends with it. */
public class PaymentRejectedException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message why the payment is refused
   */
  public PaymentRejectedException(String message) {
    super(message);
  }
}
