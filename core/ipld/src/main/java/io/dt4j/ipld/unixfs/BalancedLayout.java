package io.dt4j.ipld.unixfs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The balanced layout of ipfs-unixfs-importer (and kubo), built while streaming. The JS builder
 * groups the leaves into batches of {@code maxLinks}, reduces each batch to a parent, and repeats
 * on the parents until one node is left; a level of one node is the root, so a one-chunk file is
 * its own root. The same tree comes out of one pending row per level: a row that reaches {@code
 * maxLinks} is reduced at once and its parent joins the row above; at the end each partial row,
 * from the bottom up, is reduced the same way until the top row holds a single node.
 *
 * <p>Memory: at most {@code maxLinks} pending {@link FileLink}s per level, i.e. O(maxLinks ×
 * log_maxLinks(chunks)), whatever the file size. Parents are reduced as soon as their last child is
 * known, so blocks come out in depth-first post-order (each parent right after its last child, the
 * root last). The JS importer emits the same order except that it writes the nodes two or more
 * levels above the leaves only after the last leaf; the orders differ only for files of more than
 * maxLinks² chunks.
 */
final class BalancedLayout {
  private final int maxLinks;
  private final Function<List<FileLink>, FileLink> reduce;
  private final List<List<FileLink>> rows = new ArrayList<>();

  /**
   * Creates a layout.
   *
   * @param maxLinks most children per parent, at least 2
   * @param reduce writes a parent of the given children (in order) and returns its link
   */
  BalancedLayout(int maxLinks, Function<List<FileLink>, FileLink> reduce) {
    if (maxLinks < 2) {
      throw new IllegalArgumentException("maxLinks must be at least 2, got " + maxLinks);
    }
    this.maxLinks = maxLinks;
    this.reduce = reduce;
  }

  /** Adds the next leaf, in file order. */
  void addLeaf(FileLink leaf) {
    add(0, leaf);
  }

  private void add(int level, FileLink link) {
    if (rows.size() == level) {
      rows.add(new ArrayList<>(Math.min(maxLinks, 1024)));
    }
    List<FileLink> row = rows.get(level);
    row.add(link);
    if (row.size() == maxLinks) {
      FileLink parent = reduce.apply(List.copyOf(row));
      row.clear();
      add(level + 1, parent);
    }
  }

  /**
   * Reduces the partial rows and returns the root.
   *
   * @return the root's link
   * @throws IllegalStateException if no leaf was added
   */
  FileLink finish() {
    if (rows.isEmpty()) {
      throw new IllegalStateException("no leaves");
    }
    for (int level = 0; ; level++) {
      List<FileLink> row = rows.get(level);
      boolean top = level == rows.size() - 1;
      if (top && row.size() == 1) {
        return row.get(0);
      }
      if (!row.isEmpty()) {
        FileLink parent = reduce.apply(List.copyOf(row));
        row.clear();
        add(level + 1, parent);
      }
    }
  }

  /** Returns how many links are pending over all levels (for tests of the memory bound). */
  int pendingLinks() {
    return rows.stream().mapToInt(List::size).sum();
  }

  /** Returns the number of levels started so far, leaves included. */
  int levels() {
    return rows.size();
  }
}
