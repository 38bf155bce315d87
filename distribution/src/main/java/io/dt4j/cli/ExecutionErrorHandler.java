package io.dt4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Reports an exception thrown by a command as one line, {@code dt4j: <message>}. A {@link
 * CliException} exits with its own code, anything else with {@link ExitCode#ERROR}. The stack trace
 * is printed only in debug mode ({@code --debug} or {@code DT4J_DEBUG=1}).
 */
final class ExecutionErrorHandler implements IExecutionExceptionHandler {

  private final boolean debugFromEnvironment;

  /**
   * @param debugFromEnvironment whether {@code DT4J_DEBUG=1} was set
   */
  ExecutionErrorHandler(boolean debugFromEnvironment) {
    this.debugFromEnvironment = debugFromEnvironment;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
    CommandLine root = ErrorLine.root(command);
    if (debugFromEnvironment || (root.getCommand() instanceof Dt4j dt4j && dt4j.debug())) {
      ex.printStackTrace(root.getErr());
    }
    if (ex instanceof CliException expected) {
      ErrorLine.print(root.getErr(), expected.getMessage());
      expected.details().forEach(line -> root.getErr().println("  " + line));
      root.getErr().flush();
      return expected.exitCode();
    }
    String message = ex.getMessage() != null ? ex.getMessage() : ex.getClass().getSimpleName();
    ErrorLine.print(
        root.getErr(), message + " (run with --debug or DT4J_DEBUG=1 for the stack trace)");
    return ExitCode.ERROR;
  }
}
