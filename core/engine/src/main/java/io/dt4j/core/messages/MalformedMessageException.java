package io.dt4j.core.messages;

import io.dt4j.api.DataTransferException;

/**
 * Bytes that are not a valid data-transfer message of the expected version. The message names the
 * field and the byte offset, e.g. {@code data-transfer 1.1 message: field Request.XferID: expected
 * an unsigned integer at byte offset 57}.
 */
public class MalformedMessageException extends DataTransferException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what and where
   */
  public MalformedMessageException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what and where
   * @param cause the underlying failure
   */
  public MalformedMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
