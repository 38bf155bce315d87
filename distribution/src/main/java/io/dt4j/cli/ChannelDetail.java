package io.dt4j.cli;

import io.dt4j.daemon.admin.ChannelInfo;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code dt4j channel show}: one channel as label/value lines (the voucher result is the other
 * side's last answer, e.g. a retrieval provider's rejection or payment request), sizes in IEC units
 * with the exact bytes beside them (CLI-CONVENTIONS §5 item 4), ids and CIDs in full.
 */
final class ChannelDetail {
  private ChannelDetail() {}

  static List<String> lines(ChannelInfo c, Instant now) {
    List<String> lines = new ArrayList<>();
    add(lines, "Channel", c.id());
    add(lines, "Transfer ID", c.transferId());
    add(lines, "Status", c.status() + (c.stalled() ? " (stalled)" : ""));
    add(
        lines,
        "Direction",
        c.direction()
            + (c.isPull() ? " (pull" : " (push")
            + (c.isInitiator() ? ", initiated here)" : ", initiated by the peer)"));
    add(lines, c.direction().equals("sending") ? "Sending To" : "Receiving From", c.otherPeer());
    add(lines, "Root Cid", c.baseCid());
    add(lines, "Selector", String.valueOf(c.selector()));
    add(lines, "Voucher", c.voucherType() == null ? "-" : c.voucherType() + " " + c.voucher());
    add(
        lines,
        "Voucher Result",
        c.voucherResultType() == null ? "-" : c.voucherResultType() + " " + c.voucherResult());
    add(lines, "Transferred", exact(c.transferred()));
    add(lines, "Sent", exact(c.sent()));
    add(lines, "Received", exact(c.received()) + ", " + c.receivedCids() + " blocks");
    add(lines, "Total", c.totalSize() > 0 ? exact(c.totalSize()) : "unknown");
    add(lines, "Progress", ChannelTable.progress(c));
    add(lines, "Rate", c.rateBps() > 0 ? ProgressBar.bytes((long) c.rateBps()) + "/s" : "-");
    add(lines, "ETA", c.etaS() == null ? "?" : ProgressBar.duration(c.etaS()));
    add(lines, "Created", c.created() == null ? "unknown" : timeAndAge(c.created(), now));
    add(lines, "Updated", c.updated() == null ? "-" : timeAndAge(c.updated(), now));
    add(lines, "Message", c.message().isEmpty() ? "-" : c.message());
    return lines;
  }

  /** {@code 2026-01-02T03:04:05.678Z (3m ago)}. */
  private static String timeAndAge(String time, Instant now) {
    return time + " (" + ChannelTable.age(Instant.parse(time), now) + ")";
  }

  /** {@code 1.20 GiB (1,288,490,188 bytes)}. */
  static String exact(long bytes) {
    String exact = NumberFormat.getIntegerInstance(Locale.ROOT).format(bytes);
    return bytes < 1024 ? bytes + " bytes" : ProgressBar.bytes(bytes) + " (" + exact + " bytes)";
  }

  private static void add(List<String> lines, String label, String value) {
    lines.add(String.format(Locale.ROOT, "%-15s%s", label, value));
  }
}
