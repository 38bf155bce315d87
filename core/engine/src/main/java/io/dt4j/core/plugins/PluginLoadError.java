package io.dt4j.core.plugins;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A plugin, or one extension of it, that could not be loaded: which file, and why.
 *
 * @param file the plugin file or class-path entry
 * @param reason what was wrong, in one line
 */
public record PluginLoadError(Path file, String reason) {

  /** Checks that no part is missing. */
  public PluginLoadError {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(reason, "reason");
  }

  /** Returns {@code <file>: <reason>}. */
  @Override
  public String toString() {
    return file + ": " + reason;
  }
}
