package io.dt4j.cli;

import io.dt4j.daemon.Settings;
import io.dt4j.daemon.admin.ChannelInfo;
import java.io.PrintWriter;
import java.time.Instant;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** How {@code dt4j pull} and {@code dt4j push} wait and report. */
final class TransferOptions {
  @Option(
      names = "--detach",
      description = "Return once the channel is open; follow it with 'dt4j channels watch'.")
  boolean detach;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      description = "Give up waiting after this long, e.g. 10m (exit 124; the transfer goes on).")
  String timeout;

  @Mixin ProgressOption progress;

  @Option(names = "--json", description = "Print the channel at its end as one JSON object.")
  boolean json;

  /** Returns when to give up, or null. */
  Instant deadline() {
    if (timeout == null) {
      return null;
    }
    try {
      return Instant.now().plus(Settings.parseDuration(timeout));
    } catch (IllegalArgumentException e) {
      throw new CliUsageException(
          "--timeout must be a duration such as 30s or 10m, not '" + timeout + "'");
    }
  }

  /** Prints the channel: JSON, or {@code <status> <channel id>}. */
  void print(PrintWriter out, ChannelInfo channel) {
    if (json) {
      JsonOutput.print(out, channel);
    } else {
      out.println(channel.status() + " " + channel.id());
      out.flush();
    }
  }
}
