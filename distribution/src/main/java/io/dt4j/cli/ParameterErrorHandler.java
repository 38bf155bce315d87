package io.dt4j.cli;

import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Reports a command line the parser rejected (unknown option or command, bad or missing value) as
 * one line pointing at the command's help, e.g. {@code dt4j: Unknown option: '--bogus' (see 'dt4j
 * --help')}, and exits with {@link ExitCode#USAGE}. Never a usage dump, never a stack trace.
 */
final class ParameterErrorHandler implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    String name = command.getCommandSpec().qualifiedName();
    String hint = "see '" + name + " --help'";
    String message = ex.getMessage();
    List<String> stray = command.getUnmatchedArguments();
    if (ex instanceof MissingParameterException && !stray.isEmpty()) {
      // a mistyped option leaves a required one missing: name the typo, it is the cause
      message =
          (stray.get(0).startsWith("-") ? "Unknown option: '" : "Unmatched argument: '")
              + stray.get(0)
              + "'";
    } else if (ex instanceof UnmatchedArgumentException unmatched) {
      message = unknownCommand(command, unmatched.getUnmatched()).orElse(message);
      List<String> suggestions = unmatched.getSuggestions();
      if (!suggestions.isEmpty()) {
        hint = "did you mean '" + suggestions.get(0) + "'? " + hint;
      }
    }
    ErrorLine.print(command, message + " (" + hint + ")");
    return ExitCode.USAGE;
  }

  /**
   * picocli calls a mistyped command "Unmatched argument at index 0"; say what it is when the
   * command takes subcommands and no positional parameters.
   */
  private static Optional<String> unknownCommand(CommandLine command, List<String> unmatched) {
    boolean takesCommands = !command.getSubcommands().isEmpty();
    boolean takesPositionals = !command.getCommandSpec().positionalParameters().isEmpty();
    if (!takesCommands || takesPositionals || unmatched.isEmpty()) {
      return Optional.empty();
    }
    String first = unmatched.get(0);
    return first.startsWith("-")
        ? Optional.empty()
        : Optional.of("Unknown command: '" + first + "'");
  }
}
