package io.dt4j.ipld;

/**
 * Thrown when bytes or text claiming to be an IPLD value (varint, multihash, multibase string, CID,
 * DAG-CBOR) do not follow their format. The message names what was wrong and where (a byte offset
 * or character index). Format-specific subclasses (such as {@link
 * io.dt4j.ipld.protobuf.MalformedProtobufException}) let callers tell the layer apart.
 */
public class MalformedIpldException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message naming the problem and its position.
   *
   * @param message what was wrong and where
   */
  public MalformedIpldException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the lower-level cause.
   *
   * @param message what was wrong and where
   * @param cause the underlying failure
   */
  public MalformedIpldException(String message, Throwable cause) {
    super(message, cause);
  }
}
