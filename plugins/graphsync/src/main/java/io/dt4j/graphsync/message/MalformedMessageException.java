package io.dt4j.graphsync.message;

/**
 * Bytes received as a graphsync message are not one: broken protobuf, a field of the wrong wire
 * type, a root that is not a CID, a selector that is not DAG-CBOR, an unknown status code, a block
 * prefix that cannot name the block, or a message over the size limit. As in go-graphsync, the
 * whole message is rejected (graphsync spec §1 notes). The message names the problem and, where
 * known, the byte offset.
 */
public final class MalformedMessageException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was wrong
   */
  public MalformedMessageException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what was wrong
   * @param cause the lower-level failure
   */
  public MalformedMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
