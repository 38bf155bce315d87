package io.dt4j.cli;

import io.dt4j.daemon.admin.PluginsReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Prints the extensions of {@code dt4j plugins} as an aligned text table. */
final class ExtensionTable {
  private static final List<String> HEADER = List.of("KIND", "ID", "PLUGIN", "VERSION", "SOURCE");

  private ExtensionTable() {}

  static void print(List<PluginsReport.ExtensionRow> rows, PrintWriter out) {
    if (rows.isEmpty()) {
      out.println("no extensions found");
      return;
    }
    List<List<String>> cells = new ArrayList<>();
    cells.add(HEADER);
    for (PluginsReport.ExtensionRow row : rows) {
      cells.add(List.of(row.kind(), label(row), row.plugin(), row.version(), row.source()));
    }
    int[] widths = new int[HEADER.size()];
    for (List<String> line : cells) {
      for (int i = 0; i < widths.length; i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    for (List<String> line : cells) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < widths.length; i++) {
        text.append(i == widths.length - 1 ? line.get(i) : pad(line.get(i), widths[i] + 2));
      }
      out.println(text);
    }
  }

  /** A validator's id is its class; the table shows the short name and the types it handles. */
  private static String label(PluginsReport.ExtensionRow row) {
    if (!row.id().equals(row.className())) {
      return row.id();
    }
    String simpleName = row.className().substring(row.className().lastIndexOf('.') + 1);
    return simpleName + " " + row.handles();
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }
}
