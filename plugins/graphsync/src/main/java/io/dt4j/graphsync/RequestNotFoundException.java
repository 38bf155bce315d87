package io.dt4j.graphsync;

/** An operation named a request or response that is not in progress (unknown or finished). */
public final class RequestNotFoundException extends GraphsyncException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which peer and request id
   */
  public RequestNotFoundException(String message) {
    super(message, null);
  }
}
