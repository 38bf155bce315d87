package io.dt4j.daemon;

/**
 * The node cannot open or control channels: without a transport it runs no data-transfer manager.
 */
public class TransfersUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message why, and what to do; one line
   */
  public TransfersUnavailableException(String message) {
    super(message);
  }
}
