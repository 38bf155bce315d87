package io.dt4j.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * {@code -p/--progress[=true|false]}: the progress bar on stderr, on by default when stderr is a
 * terminal (kubo's default, CLI-CONVENTIONS §5 item 12).
 */
final class ProgressOption {
  @Option(
      names = {"-p", "--progress"},
      paramLabel = "true|false",
      arity = "0..1",
      fallbackValue = "true",
      description = "Progress bar on stderr (default: on when stderr is a terminal).")
  private Boolean progress;

  /** A bar for {@code total} bytes ({@code -1} if unknown), drawn as the option says. */
  ProgressBar bar(PrintWriter err, long total) {
    return ProgressBar.of(err, total, progress);
  }
}
