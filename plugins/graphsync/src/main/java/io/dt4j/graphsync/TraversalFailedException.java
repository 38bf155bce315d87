package io.dt4j.graphsync;

/**
 * The requester's local traversal failed: a verified block could not be decoded, the responder's
 * metadata was malformed, or the local blockstore failed.
 */
public final class TraversalFailedException extends GraphsyncException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   * @param cause the underlying failure
   */
  public TraversalFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
