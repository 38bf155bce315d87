package io.dt4j.graphsync;

/** A hook ended the request with an error; the responder was told to stop. */
public final class RequestTerminatedException extends GraphsyncException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which request and the hook's reason
   */
  public RequestTerminatedException(String message) {
    super(message, null);
  }
}
