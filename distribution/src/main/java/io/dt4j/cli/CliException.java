package io.dt4j.cli;

import java.util.List;

/**
 * A failure a command reports to the user as one line, {@code dt4j: <message>}, with the given
 * {@link ExitCode}, and rarely a few detail lines after it (the candidates of an ambiguous id).
 * Throw it from a command; the root command turns it into the line and the code.
 */
public class CliException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final transient List<String> details;

  /**
   * @param message what went wrong and, where it helps, what to do; one line
   * @param exitCode one of the {@link ExitCode} constants
   */
  public CliException(String message, int exitCode) {
    this(message, exitCode, List.of());
  }

  /**
   * @param message what went wrong; one line
   * @param exitCode one of the {@link ExitCode} constants
   * @param details lines printed after the message, indented, e.g. the channels an ambiguous
   *     channel id matches
   */
  public CliException(String message, int exitCode, List<String> details) {
    super(message);
    this.exitCode = exitCode;
    this.details = List.copyOf(details);
  }

  /** The lines printed after the message; usually none. */
  public List<String> details() {
    return details;
  }

  /** The process exit code for this failure. */
  public int exitCode() {
    return exitCode;
  }
}
