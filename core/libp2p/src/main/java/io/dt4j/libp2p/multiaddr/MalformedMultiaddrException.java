package io.dt4j.libp2p.multiaddr;

/** A multiaddr string or byte form is invalid or uses a protocol this node does not know. */
public final class MalformedMultiaddrException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong, naming the input
   */
  public MalformedMultiaddrException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what is wrong, naming the input
   * @param cause the underlying error
   */
  public MalformedMultiaddrException(String message, Throwable cause) {
    super(message, cause);
  }
}
