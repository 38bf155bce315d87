package io.dt4j.libp2p.crypto;

/**
 * Key bytes are not a valid libp2p key: bad protobuf, unknown or unsupported type, wrong length, or
 * an invalid point. When it comes from a remote peer the connection is unusable.
 */
public final class MalformedKeyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong
   */
  public MalformedKeyException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what is wrong
   * @param cause the underlying error
   */
  public MalformedKeyException(String message, Throwable cause) {
    super(message, cause);
  }
}
