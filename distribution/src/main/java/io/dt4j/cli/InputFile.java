package io.dt4j.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks a file named on the command line, so a missing one is one clear line and exit 1. */
final class InputFile {
  private InputFile() {}

  /**
   * Returns the file's size.
   *
   * @throws CliException if it does not exist, is a folder or cannot be read
   */
  static long sizeOf(Path file) {
    if (!Files.exists(file)) {
      throw new CliException("file not found: " + file, ExitCode.ERROR);
    }
    if (!Files.isRegularFile(file)) {
      throw new CliException("not a regular file: " + file, ExitCode.ERROR);
    }
    if (!Files.isReadable(file)) {
      throw new CliException("cannot read " + file, ExitCode.ERROR);
    }
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      throw new CliException("cannot read " + file + ": " + e.getMessage(), ExitCode.ERROR);
    }
  }
}
