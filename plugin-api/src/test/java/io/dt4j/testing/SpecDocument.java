package io.dt4j.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the project's specifications in {@code shared/}, found beside the repository (or at the
 * system property {@code dt4j.shared.dir}), so that tests check the code against the spec's own
 * tables. Shipped in the dt4j-plugin-api test-jar for the other modules' tests.
 */
public final class SpecDocument {
  private static final Pattern CELL_PAIR = Pattern.compile("\\|\\s*(\\d+)\\s*\\|\\s*(\\w+)\\s*");

  private final List<String> lines;

  private SpecDocument(List<String> lines) {
    this.lines = lines;
  }

  /** Returns {@code shared/spec/data-transfer.md}. */
  public static SpecDocument dataTransfer() {
    Path file = sharedDir().resolve("spec/data-transfer.md");
    try {
      return new SpecDocument(Files.readAllLines(file));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the data-transfer spec at " + file, e);
    }
  }

  /**
   * Returns the {@code number -> name} pairs of the table rows in the section whose heading starts
   * with {@code heading}, up to the next heading.
   */
  public Map<Integer, String> numberedNames(String heading) {
    Map<Integer, String> names = new LinkedHashMap<>();
    boolean inSection = false;
    for (String line : lines) {
      if (line.startsWith("#")) {
        inSection = line.startsWith(heading);
        continue;
      }
      if (inSection && line.startsWith("|")) {
        Matcher m = CELL_PAIR.matcher(line);
        while (m.find()) {
          names.put(Integer.parseInt(m.group(1)), m.group(2));
        }
      }
    }
    if (names.isEmpty()) {
      throw new IllegalStateException("no numbered table found under '" + heading + "'");
    }
    return names;
  }

  /**
   * Returns the table rows (lines starting with {@code |}, header and separator rows excluded) of
   * the section whose heading starts with {@code heading}, each split into trimmed cells.
   */
  public List<List<String>> tableRows(String heading) {
    List<List<String>> rows = new java.util.ArrayList<>();
    boolean inSection = false;
    for (String line : lines) {
      if (line.startsWith("#")) {
        inSection = line.startsWith(heading);
      } else if (inSection && line.startsWith("|") && !line.startsWith("|---")) {
        List<String> cells = new java.util.ArrayList<>();
        for (String cell : line.substring(1, line.lastIndexOf('|')).split("\\|", -1)) {
          cells.add(cell.strip());
        }
        rows.add(cells);
      }
    }
    return rows.isEmpty() ? rows : rows.subList(1, rows.size());
  }

  /** Returns the {@code shared/} folder. */
  public static Path sharedDir() {
    Optional<Path> configured =
        Optional.ofNullable(System.getProperty("dt4j.shared.dir")).map(Path::of);
    if (configured.isPresent()) {
      return configured.get();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared");
      if (Files.isRegularFile(candidate.resolve("spec/data-transfer.md"))) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "shared/spec/data-transfer.md not found beside the repository; set -Ddt4j.shared.dir");
  }
}
