package io.dt4j.cli;

/**
 * A failure a command reports to the user as one line, {@code dt4j: <message>}, with the given
 * {@link ExitCode}. Throw it from a command; the root command turns it into the line and the code.
 */
public class CliException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /**
   * @param message what went wrong and, where it helps, what to do; one line
   * @param exitCode one of the {@link ExitCode} constants
   */
  public CliException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  /** The process exit code for this failure. */
  public int exitCode() {
    return exitCode;
  }
}
