package io.dt4j.graphsync;

/**
 * An unpause named a request that is running, not paused (go-graphsync: {@code request is not
 * paused}). Its extensions were not sent: nothing would carry them, since only an unpause re-sends
 * the request (graphsync.md §5.5).
 */
public final class RequestNotPausedException extends GraphsyncException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which peer and request id
   */
  public RequestNotPausedException(String message) {
    super(message, null);
  }
}
