package io.dt4j.core.network;

import io.dt4j.api.DataTransferException;

/** A message could not be sent: no stream could be opened in time, or the write failed. */
public class SendFailedException extends DataTransferException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the peer
   * @param cause the last failure
   */
  public SendFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
