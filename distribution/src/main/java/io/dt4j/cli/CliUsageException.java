package io.dt4j.cli;

/**
 * A bad argument that the parser could not catch, e.g. {@code plugins directory not found:
 * /x/plugins}; exits with {@link ExitCode#USAGE}.
 */
public class CliUsageException extends CliException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what is wrong with the arguments; one line
   */
  public CliUsageException(String message) {
    super(message, ExitCode.USAGE);
  }
}
