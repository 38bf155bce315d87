package io.dt4j.ipld.protobuf;

import io.dt4j.ipld.MalformedIpldException;

/**
 * Thrown when bytes claiming to be a protobuf message break the wire format or one of the reader's
 * bounds: a truncated or over-long varint, a length that runs past the input or over the limit, an
 * unknown wire type, a group, nesting too deep, or a string that is not UTF-8. The message names
 * the problem and its byte offset from the start of the outermost input.
 */
public final class MalformedProtobufException extends MalformedIpldException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what was wrong and where
   */
  public MalformedProtobufException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what was wrong and where
   * @param cause the underlying failure
   */
  public MalformedProtobufException(String message, Throwable cause) {
    super(message, cause);
  }
}
