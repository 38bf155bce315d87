package io.dt4j.cli;

import io.dt4j.daemon.admin.ChannelInfo;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * Which channels a list shows, with lotus's flags and defaults (CLI-CONVENTIONS §5 items 1 and 16):
 * completed channels and failed or cancelled ones are hidden unless asked for, and a footer says
 * how many were hidden.
 */
final class ChannelFilter {
  private static final Set<String> FAILED = Set.of("Failed", "Cancelled");

  @Option(
      names = {"-a", "--all"},
      description = "Show every channel, completed, failed and cancelled ones too.")
  private boolean all;

  @Option(names = "--completed", description = "Show completed channels too.")
  private boolean completed;

  @Option(names = "--show-failed", description = "Show failed and cancelled channels too.")
  private boolean showFailed;

  /** Returns whether a channel is shown. */
  boolean shows(ChannelInfo c) {
    if (all) {
      return true;
    }
    if ("Completed".equals(c.status())) {
      return completed;
    }
    return !FAILED.contains(c.status()) || showFailed;
  }

  /** The footer naming what was hidden, e.g. {@code 3 completed, 1 failed hidden (...)}. */
  Optional<String> hiddenHint(List<ChannelInfo> channels) {
    long hiddenCompleted =
        channels.stream().filter(c -> !shows(c) && "Completed".equals(c.status())).count();
    long hiddenFailed =
        channels.stream().filter(c -> !shows(c) && FAILED.contains(c.status())).count();
    if (hiddenCompleted + hiddenFailed == 0) {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder();
    if (hiddenCompleted > 0) {
      text.append(hiddenCompleted).append(" completed");
    }
    if (hiddenFailed > 0) {
      text.append(text.length() > 0 ? ", " : "")
          .append(hiddenFailed)
          .append(" failed or cancelled");
    }
    return Optional.of(text + " hidden (use --completed / --show-failed, or --all)");
  }
}
