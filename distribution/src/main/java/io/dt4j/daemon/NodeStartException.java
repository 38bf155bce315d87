package io.dt4j.daemon;

/**
 * A node could not start: its identity key, plugins, stores or listen addresses could not be used.
 * The message names the part and the reason; whatever had started is stopped again.
 */
public class NodeStartException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what could not start and why; one line
   * @param cause the underlying failure, if any
   */
  public NodeStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
