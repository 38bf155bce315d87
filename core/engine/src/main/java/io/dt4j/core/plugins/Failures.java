package io.dt4j.core.plugins;

import java.util.LinkedHashSet;
import java.util.Set;

/** Turns a failure and its causes into one line for a {@link PluginLoadError}. */
final class Failures {
  private Failures() {}

  /** Returns the distinct messages of the failure and its causes, joined by {@code ": "}. */
  static String describe(Throwable failure) {
    Set<String> parts = new LinkedHashSet<>();
    for (Throwable t = failure; t != null && parts.size() < 5; t = t.getCause()) {
      String message = t.getMessage();
      parts.add(
          message == null || message.isBlank()
              ? t.getClass().getSimpleName()
              : t.getClass().getSimpleName() + " " + message.strip().replace('\n', ' '));
    }
    return String.join(": ", parts);
  }
}
