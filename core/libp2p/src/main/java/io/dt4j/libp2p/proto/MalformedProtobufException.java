package io.dt4j.libp2p.proto;

/** A protobuf message is truncated, uses an unsupported wire type, or breaks a strictness rule. */
public final class MalformedProtobufException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, with the byte offset where known
   */
  public MalformedProtobufException(String message) {
    super(message);
  }
}
