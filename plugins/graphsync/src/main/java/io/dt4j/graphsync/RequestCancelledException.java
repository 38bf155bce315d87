package io.dt4j.graphsync;

/**
 * The request was cancelled on this side (its handle's {@code cancel}, or the node shut down); the
 * responder was told and stopped sending.
 */
public final class RequestCancelledException extends GraphsyncException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which request and why
   */
  public RequestCancelledException(String message) {
    super(message, null);
  }
}
