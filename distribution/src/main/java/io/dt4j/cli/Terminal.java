package io.dt4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * What the process writes to: whether stdout or stderr is a terminal (progress bars, in-place
 * redraws and colours only go to terminals), and whether colours are wanted ({@code NO_COLOR}).
 */
final class Terminal {
  private Terminal() {}

  /** Returns whether stdout is a terminal. */
  static boolean stdoutIsTerminal() {
    return isTerminal(1);
  }

  /** Returns whether stderr is a terminal. */
  static boolean stderrIsTerminal() {
    return isTerminal(2);
  }

  /**
   * Whether to colour stdout: {@code always}, {@code never}, or {@code auto} (stdout is a terminal
   * and {@code NO_COLOR} is not set, see no-color.org).
   *
   * @param mode {@code auto}, {@code always} or {@code never}
   * @return true to colour
   */
  static boolean colour(String mode) {
    return switch (mode) {
      case "always" -> true;
      case "never" -> false;
      default -> {
        String noColor = System.getenv("NO_COLOR");
        yield (noColor == null || noColor.isEmpty()) && stdoutIsTerminal();
      }
    };
  }

  /**
   * On Linux, the file descriptor itself is looked at; elsewhere {@link System#console()} (which
   * looks at stdin and stdout) stands in. JDK 22+ returns a console even when redirected, hence
   * {@code isTerminal()} when it exists.
   */
  private static boolean isTerminal(int fd) {
    Path link = Path.of("/proc/self/fd/" + fd);
    try {
      if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
        String target = Files.readSymbolicLink(link).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      }
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      // fall back to the console below
    }
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // JDK < 22: a non-null console is a terminal
    }
  }
}
