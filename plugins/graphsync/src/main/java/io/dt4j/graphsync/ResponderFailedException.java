package io.dt4j.graphsync;

import io.dt4j.graphsync.message.ResponseStatusCode;

/**
 * The responder ended the request with a failure status (30–35, graphsync spec §3.1); the message
 * starts with go-graphsync's text for it, e.g. {@code Request Failed - Content Not Found}.
 */
public final class ResponderFailedException extends GraphsyncException {
  private static final long serialVersionUID = 1L;

  /** The status the responder sent. */
  private final ResponseStatusCode status;

  /**
   * Creates the exception.
   *
   * @param status the failure status
   * @param context the peer and request, for the message
   */
  public ResponderFailedException(ResponseStatusCode status, String context) {
    super(status.errorText() + " (status " + status.code() + ", " + context + ")", null);
    this.status = status;
  }

  /**
   * Returns the status the responder sent.
   *
   * @return the failure status
   */
  public ResponseStatusCode status() {
    return status;
  }
}
