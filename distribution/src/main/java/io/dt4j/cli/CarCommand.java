package io.dt4j.cli;

import picocli.CommandLine.Command;

/** {@code dt4j car}: commands that read CAR files. */
@Command(
    name = "car",
    mixinStandardHelpOptions = true,
    description = "Inspect CAR files.",
    subcommands = {CarLsCommand.class})
final class CarCommand implements Runnable {
  /** {@code dt4j car} without a subcommand: the usage, as a usage error. */
  @Override
  public void run() {
    throw new CliUsageException("missing command: dt4j car ls CAR (see 'dt4j car --help')");
  }
}
