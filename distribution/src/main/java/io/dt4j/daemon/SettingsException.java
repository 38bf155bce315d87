package io.dt4j.daemon;

/**
 * A configuration value that cannot be used: an unknown key in {@code conf/dt4j.conf}, a value of
 * the wrong form, or a file that cannot be read. The message names the key, the value and where it
 * came from (the file, an environment variable or a flag).
 */
public class SettingsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong and where it was set; one line
   */
  public SettingsException(String message) {
    super(message);
  }
}
