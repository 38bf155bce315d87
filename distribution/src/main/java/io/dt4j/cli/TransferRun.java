package io.dt4j.cli;

import io.dt4j.daemon.admin.ChannelInfo;
import io.dt4j.daemon.admin.ChannelMessages;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a pull or push through the daemon and follows it to its end: subscribes to the event stream
 * first (so no event is missed), opens the channel, then shows a progress bar on a terminal
 * (counter and rate; {@code ETA ?} while the size is unknown, CLI-CONVENTIONS §5 item 12) until the
 * channel is Completed (exit 0), or Failed or Cancelled (exit 5).
 */
final class TransferRun {
  private static final Set<String> FAILED = Set.of("Failed", "Cancelled");

  private final AdminClient client;
  private final PrintWriter err;
  private final ProgressOption progress;

  TransferRun(AdminClient client, PrintWriter err, ProgressOption progress) {
    this.client = client;
    this.err = err;
    this.progress = progress;
  }

  /**
   * Opens the channel and, unless detached, waits for its end.
   *
   * @param method {@code OpenPullDataChannel} or {@code OpenPushDataChannel}
   * @param request the checked arguments
   * @param detach return once the channel is open
   * @param deadline when to give up waiting, or null
   * @return the channel at its end (or just opened, when detached)
   */
  ChannelInfo run(String method, ChannelMessages.Open request, boolean detach, Instant deadline) {
    try (EventFeed feed = client.events()) {
      String id = client.post(method, request, ChannelMessages.Opened.class).channel();
      if (detach) {
        return client.get(
            "DataTransferChannel", java.util.Map.of("channel", id), ChannelInfo.class);
      }
      ProgressBar bar = progress.bar(err, -1);
      long shown = 0;
      for (Optional<ChannelMessages.Update> next = feed.next(deadline);
          next.isPresent();
          next = feed.next(deadline)) {
        ChannelInfo channel = next.get().channel();
        if (!channel.id().equals(id)) {
          continue;
        }
        bar.advance(Math.max(0, channel.transferred() - shown));
        shown = Math.max(shown, channel.transferred());
        if ("Completed".equals(channel.status())) {
          bar.finish(Summary.line(bar.elapsedSeconds(), channel.receivedCids(), shown));
          return channel;
        }
        if (FAILED.contains(channel.status())) {
          bar.abandon();
          throw new CliException(
              "channel "
                  + id
                  + " ended "
                  + channel.status()
                  + (channel.message().isEmpty() ? "" : ": " + channel.message()),
              ExitCode.TRANSFER_FAILED);
        }
      }
      bar.abandon();
      throw new CliException(
          "the daemon ended the event stream before channel " + id + " finished (it stopped?)",
          ExitCode.ERROR);
    }
  }
}
