package io.dt4j.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The one line a failed command prints on stderr: {@code dt4j: <message>}. Messages that span
 * several lines are joined, so scripts and users always get exactly one line.
 */
final class ErrorLine {

  private ErrorLine() {}

  /** Prints to the root command's stderr (subcommands added after set-up keep System.err). */
  static void print(CommandLine command, String message) {
    print(root(command).getErr(), message);
  }

  static void print(PrintWriter err, String message) {
    err.println("dt4j: " + message.strip().replaceAll("\\s*\\R\\s*", " "));
    err.flush();
  }

  static CommandLine root(CommandLine command) {
    CommandLine root = command;
    while (root.getParent() != null) {
      root = root.getParent();
    }
    return root;
  }
}
