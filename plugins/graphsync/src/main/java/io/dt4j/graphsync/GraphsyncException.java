package io.dt4j.graphsync;

/**
 * Why a graphsync request or operation failed. Each subclass is one cause a caller may handle
 * differently (the data-transfer transport maps them to channel events); the message says what
 * happened with the peer and request id.
 */
public abstract sealed class GraphsyncException extends Exception
    permits ResponderFailedException,
        RequestCancelledException,
        RequestTerminatedException,
        BlockNotReceivedException,
        TraversalFailedException,
        NetworkException,
        RequestTimeoutException,
        RequestNotFoundException,
        RequestNotPausedException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what happened
   * @param cause the underlying failure, or null
   */
  protected GraphsyncException(String message, Throwable cause) {
    super(message, cause);
  }
}
