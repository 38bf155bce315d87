package io.dt4j.api;

/**
 * The bytes of a voucher or voucher result could not be decoded: they are not a valid encoding of
 * the type named by the message's {@code VTyp}, or no type of that name is registered.
 */
public class VoucherDecodingException extends DataTransferException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was wrong, naming the type and, where known, the byte offset
   */
  public VoucherDecodingException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what was wrong
   * @param cause the underlying decoding failure
   */
  public VoucherDecodingException(String message, Throwable cause) {
    super(message, cause);
  }

  /**
   * Returns the error for a type name nobody registered; Go's text {@code unknown voucher type: X}.
   *
   * @param type the unknown type name
   * @return the exception
   */
  public static VoucherDecodingException unknownType(TypeIdentifier type) {
    return new VoucherDecodingException("unknown voucher type: " + type);
  }
}
