package io.dt4j.daemon;

/** The admin token file is missing, unreadable or not a token; the message says what to do. */
public class AdminTokenException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong with which file, and what to do; one line
   */
  public AdminTokenException(String message) {
    super(message);
  }
}
