package io.dt4j.cli;

import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How {@code dt4j channels} and {@code dt4j channels watch} draw their tables: verbosity, colour.
 */
final class TableStyle {
  @Option(
      names = {"-v", "--verbose"},
      description = "Full peer ids, root CIDs and vouchers.")
  private boolean verbose;

  @Option(
      names = "--color",
      paramLabel = "auto|always|never",
      defaultValue = "auto",
      description = "Colour status words (default: auto: on a terminal, unless NO_COLOR is set).")
  private String color;

  /**
   * Returns the style to draw with now.
   *
   * @throws CliUsageException if {@code --color} is not auto, always or never
   */
  ChannelTable.Style style() {
    if (!List.of("auto", "always", "never").contains(color)) {
      throw new CliUsageException("--color must be auto, always or never, not '" + color + "'");
    }
    return new ChannelTable.Style(verbose, Terminal.colour(color), Instant.now());
  }
}
