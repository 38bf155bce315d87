package io.dt4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.dt4j.daemon.admin.ChannelInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The channel tables of {@code dt4j channels}, as lotus prints its transfers (CLI-CONVENTIONS §1a,
 * §5 items 2 to 4): "Sending Channels" then "Receiving Channels", lotus's columns in lotus's order,
 * peer ids and CIDs cut to {@code ...} and their last 8 characters unless verbose, then dt4j's
 * columns on the right. A channel's message, if any, goes on its own line below its row. Status
 * words are go-data-transfer's; red for failed or cancelled, green for completed, yellow for paused
 * or stalled.
 */
final class ChannelTable {
  private static final List<String> COLUMNS =
      List.of(
          "ID",
          "Status",
          "PEER",
          "Root Cid",
          "Initiated?",
          "Transferred",
          "Voucher",
          "Total",
          "Progress",
          "Rate",
          "Updated");
  private static final int VOUCHER_WIDTH = 37;
  private static final String RED = "\u001b[31m";
  private static final String GREEN = "\u001b[32m";
  private static final String YELLOW = "\u001b[33m";
  private static final String RESET = "\u001b[0m";

  /**
   * How to render.
   *
   * @param verbose full peer ids, CIDs and vouchers
   * @param colour ANSI colours on status words
   * @param now the time ages are computed at
   */
  record Style(boolean verbose, boolean colour, Instant now) {}

  private ChannelTable() {}

  /** Renders the two tables (each only if it has rows). */
  static List<String> render(List<ChannelInfo> channels, Style style) {
    List<String> lines = new ArrayList<>();
    List<ChannelInfo> sorted =
        channels.stream()
            .sorted(
                Comparator.comparing((ChannelInfo c) -> Long.parseUnsignedLong(c.transferId()))
                    .thenComparing(ChannelInfo::id))
            .toList();
    table("Sending Channels", "Sending To", sorted, true, style, lines);
    table("Receiving Channels", "Receiving From", sorted, false, style, lines);
    return lines;
  }

  private static void table(
      String heading,
      String peerColumn,
      List<ChannelInfo> channels,
      boolean sending,
      Style style,
      List<String> lines) {
    List<ChannelInfo> rows =
        channels.stream().filter(c -> "sending".equals(c.direction()) == sending).toList();
    if (rows.isEmpty()) {
      return;
    }
    if (!lines.isEmpty()) {
      lines.add("");
    }
    lines.add(heading);
    List<List<String>> cells = new ArrayList<>();
    List<String> header = new ArrayList<>(COLUMNS);
    header.set(2, peerColumn);
    cells.add(header);
    for (ChannelInfo c : rows) {
      cells.add(row(c, style));
    }
    int[] widths = new int[header.size()];
    for (List<String> line : cells) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    for (int r = 0; r < cells.size(); r++) {
      ChannelInfo channel = r == 0 ? null : rows.get(r - 1);
      lines.add(line(cells.get(r), widths, channel, style));
      if (channel != null && !channel.message().isEmpty()) {
        lines.add("    " + channel.message());
      }
    }
  }

  private static List<String> row(ChannelInfo c, Style style) {
    return List.of(
        c.transferId(),
        c.status(),
        cut(c.otherPeer(), style.verbose()),
        cut(c.baseCid(), style.verbose()),
        c.isInitiator() ? "Y" : "N",
        ProgressBar.bytes(c.transferred()),
        voucher(c, style.verbose()),
        c.totalSize() > 0 ? ProgressBar.bytes(c.totalSize()) : "-",
        progress(c),
        c.rateBps() > 0 ? ProgressBar.bytes((long) c.rateBps()) + "/s" : "-",
        c.updated() == null ? "-" : age(Instant.parse(c.updated()), style.now()));
  }

  private static String line(List<String> cells, int[] widths, ChannelInfo channel, Style style) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < widths.length; i++) {
      boolean last = i == widths.length - 1;
      String cell = last ? cells.get(i) : pad(cells.get(i), widths[i] + 2);
      if (i == 1 && channel != null && style.colour()) {
        cell = colour(channel) + cells.get(i) + RESET + cell.substring(cells.get(i).length());
      }
      text.append(cell);
    }
    return text.toString().stripTrailing();
  }

  /** The colour of a channel's status word. */
  static String colour(ChannelInfo c) {
    return switch (c.status()) {
      case "Failed", "Failing", "Cancelled", "Cancelling" -> RED;
      case "Completed" -> GREEN;
      case "InitiatorPaused", "ResponderPaused", "BothPaused" -> YELLOW;
      default -> c.stalled() ? YELLOW : "";
    };
  }

  /** {@code 45.0%}, {@code stalled 45.0%}, or {@code -} when the size is not known. */
  static String progress(ChannelInfo c) {
    String percent =
        c.progress() == null ? "-" : String.format(Locale.ROOT, "%.1f%%", c.progress() * 100);
    return c.stalled() ? "stalled " + percent : percent;
  }

  /** lotus's cut: {@code ...} and the last 8 characters. */
  static String cut(String text, boolean verbose) {
    return verbose || text.length() <= 11 ? text : "..." + text.substring(text.length() - 8);
  }

  /** {@code type:json}, cut to lotus's 37 characters unless verbose. */
  static String voucher(ChannelInfo c, boolean verbose) {
    if (c.voucherType() == null) {
      return "-";
    }
    JsonNode voucher = c.voucher();
    String text = c.voucherType() + ":" + (voucher == null ? "" : voucher.toString());
    return verbose || text.length() <= VOUCHER_WIDTH
        ? text
        : text.substring(0, VOUCHER_WIDTH - 3) + "...";
  }

  /** {@code 12s ago}, {@code 3m ago}, {@code 2h ago}, {@code 4d ago}. */
  static String age(Instant then, Instant now) {
    long seconds = Math.max(0, Duration.between(then, now).toSeconds());
    if (seconds < 60) {
      return seconds + "s ago";
    }
    if (seconds < 3600) {
      return seconds / 60 + "m ago";
    }
    if (seconds < 86400) {
      return seconds / 3600 + "h ago";
    }
    return seconds / 86400 + "d ago";
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}
