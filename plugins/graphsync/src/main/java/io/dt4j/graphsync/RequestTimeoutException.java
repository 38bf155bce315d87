package io.dt4j.graphsync;

/**
 * Nothing arrived for a running request within the idle timeout (graphsync spec §5.7); the request
 * was cancelled.
 */
public final class RequestTimeoutException extends GraphsyncException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which request and how long it waited
   */
  public RequestTimeoutException(String message) {
    super(message, null);
  }
}
