package io.dt4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.dt4j.daemon.DaemonThreads;
import io.dt4j.daemon.admin.ApiJson;
import io.dt4j.daemon.admin.ChannelInfo;
import io.dt4j.daemon.admin.ChannelMessages;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dt4j channels watch}: follows the daemon's event stream. On a terminal the channel table
 * is redrawn in place every {@code --interval} under a header with the time and totals
 * (CLI-CONVENTIONS §5 item 11); otherwise, or with {@code --json}, one JSON object per event
 * (NDJSON).
 */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = {
      "Follow the channels live. On a terminal: the table of 'dt4j channels', redrawn in place",
      "with a header (time, active, paused, stalled, total rate). Otherwise or with --json: one",
      "JSON object per event (NDJSON): event, code, message, timestamp, channel. Stop with Ctrl-C.",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"1:the daemon ended the stream (it stopped), or cannot be reached"})
final class WatchCommand implements Callable<Integer> {
  @Spec private CommandSpec spec;

  @Mixin private DaemonOptions daemon;

  @Mixin private ChannelFilter filter;

  @Mixin private TableStyle style;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      defaultValue = "1s",
      description = "Redraw period on a terminal (default: ${DEFAULT-VALUE}).")
  private String interval;

  @Option(names = "--json", description = "NDJSON even on a terminal.")
  private boolean json;

  @Override
  public Integer call() {
    Duration period = period(interval);
    style.style(); // a bad --color is a usage error before the daemon is asked
    AdminClient client = AdminClient.of(daemon, Dt4j.of(spec).home());
    PrintWriter out = spec.commandLine().getOut();
    if (json || !Terminal.stdoutIsTerminal()) {
      try (EventFeed feed = client.events()) {
        for (var update = feed.next(null); update.isPresent(); update = feed.next(null)) {
          out.println(ndjson(update.get()));
          out.flush();
        }
      }
    } else {
      redrawn(client, out, period);
    }
    throw new CliException("the daemon ended the event stream (it stopped?)", ExitCode.ERROR);
  }

  private void redrawn(AdminClient client, PrintWriter out, Duration period) {
    Map<String, ChannelInfo> channels = new ConcurrentHashMap<>();
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("dt4j-watch"));
    try (EventFeed feed = client.events()) {
      client
          .get("ListDataTransfers", Map.of(), ChannelMessages.ChannelList.class)
          .channels()
          .forEach(c -> channels.putIfAbsent(c.id(), c));
      int[] drawn = {0};
      timer.scheduleAtFixedRate(
          () -> drawn[0] = draw(out, new ArrayList<>(channels.values()), drawn[0]),
          0,
          period.toMillis(),
          TimeUnit.MILLISECONDS);
      for (var update = feed.next(null); update.isPresent(); update = feed.next(null)) {
        channels.put(update.get().channel().id(), update.get().channel());
      }
    } finally {
      timer.shutdownNow();
    }
  }

  /** Redraws over the previous drawing; returns the lines drawn. */
  private int draw(PrintWriter out, List<ChannelInfo> channels, int previous) {
    List<ChannelInfo> shown = channels.stream().filter(filter::shows).toList();
    List<String> lines = new ArrayList<>();
    lines.add(header(channels));
    lines.add("");
    lines.addAll(ChannelTable.render(shown, style.style()));
    filter.hiddenHint(channels).ifPresent(lines::add);
    StringBuilder frame = new StringBuilder();
    if (previous > 0) {
      frame.append("\u001b[").append(previous).append("A\r\u001b[J");
    }
    lines.forEach(line -> frame.append(line).append('\n'));
    out.print(frame);
    out.flush();
    return lines.size();
  }

  /** {@code 12:00:01 3 channels: 2 active, 1 paused, 0 stalled; 4.00 MiB/s}. */
  static String header(List<ChannelInfo> channels) {
    long active = channels.stream().filter(c -> "Ongoing".equals(c.status())).count();
    long paused = channels.stream().filter(c -> c.status().endsWith("Paused")).count();
    long stalled = channels.stream().filter(ChannelInfo::stalled).count();
    double rate = channels.stream().mapToDouble(ChannelInfo::rateBps).sum();
    return LocalTime.now().truncatedTo(ChronoUnit.SECONDS)
        + "  "
        + channels.size()
        + " channels: "
        + active
        + " active, "
        + paused
        + " paused, "
        + stalled
        + " stalled; "
        + ProgressBar.bytes((long) rate)
        + "/s";
  }

  static String ndjson(ChannelMessages.Update update) {
    try {
      return ApiJson.MAPPER.writeValueAsString(update);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Duration period(String text) {
    try {
      Duration d = io.dt4j.daemon.Settings.parseDuration(text);
      if (d.toMillis() < 100) {
        throw new IllegalArgumentException(text);
      }
      return d;
    } catch (IllegalArgumentException e) {
      throw new CliUsageException(
          "--interval must be a duration of at least 100ms, e.g. 1s, not '" + text + "'");
    }
  }
}
