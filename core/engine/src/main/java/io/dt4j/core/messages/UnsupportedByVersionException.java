package io.dt4j.core.messages;

import io.dt4j.api.DataTransferException;

/**
 * A message that the negotiated protocol version cannot express, e.g. a restart on 1.0 (Go's text:
 * {@code restart not supported on 1.0}). Refused, never silently changed.
 */
public class UnsupportedByVersionException extends DataTransferException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what cannot be said
   */
  public UnsupportedByVersionException(String message) {
    super(message);
  }
}
