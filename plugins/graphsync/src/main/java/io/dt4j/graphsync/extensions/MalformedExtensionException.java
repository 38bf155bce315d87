package io.dt4j.graphsync.extensions;

/**
 * A standard extension's payload does not have its schema's shape (a responder answers such a
 * request with status 32, graphsync spec §4.2). The message names the extension and the problem.
 */
public final class MalformedExtensionException extends Exception {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the extension and what was wrong
   */
  public MalformedExtensionException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message the extension and what was wrong
   * @param cause the lower-level failure
   */
  public MalformedExtensionException(String message, Throwable cause) {
    super(message, cause);
  }
}
