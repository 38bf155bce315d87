package io.dt4j.graphsync;

/**
 * A message for the request could not be sent to the peer after every retry (graphsync spec §1:
 * stream reset, new stream, up to the configured attempts).
 */
public final class NetworkException extends GraphsyncException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param cause the underlying failure
   */
  public NetworkException(String message, Throwable cause) {
    super(message, cause);
  }
}
