package io.dt4j.vouchers.filecoin.storage;

import io.dt4j.ipld.Cid;
import io.dt4j.ipld.MalformedIpldException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A file of storage deal proposal CIDs whose data this node accepts: one CID per line; blank lines
 * and text after {@code #} are ignored. The file is read again whenever its modification time, size
 * or identity changes (so it can be edited or replaced while the node runs). A file that cannot be
 * read or has a line that is not a CID accepts nothing: every check fails, naming the file and the
 * line, until the file is fixed.
 */
public final class ProposalAllowList {
  private final Path file;
  private final AtomicReference<Snapshot> current = new AtomicReference<>();

  /** The file's identity when read, and what it held. */
  private record Snapshot(Stamp stamp, Set<Cid> proposals) {}

  /** What tells that the file changed. */
  private record Stamp(FileTime modified, long size, Object fileKey) {}

  /**
   * Creates the allow-list of a file; nothing is read until the first check.
   *
   * @param file the file
   */
  public ProposalAllowList(Path file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  /** Returns the file. */
  public Path file() {
    return file;
  }

  /**
   * Returns whether the file lists the proposal, reading the file again if it changed.
   *
   * @param proposal the deal proposal's CID
   * @return whether it is listed
   * @throws DealCheckException if the file cannot be read or has a line that is not a CID
   */
  public boolean contains(Cid proposal) throws DealCheckException {
    return snapshot().proposals().contains(proposal);
  }

  private Snapshot snapshot() throws DealCheckException {
    Stamp stamp = stamp();
    Snapshot known = current.get();
    if (known != null && known.stamp().equals(stamp)) {
      return known;
    }
    Snapshot fresh = new Snapshot(stamp, read());
    current.set(fresh);
    return fresh;
  }

  private Stamp stamp() throws DealCheckException {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return new Stamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
    } catch (IOException e) {
      throw new DealCheckException("storage allow-list " + file + " cannot be read: " + e, e);
    }
  }

  private Set<Cid> read() throws DealCheckException {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DealCheckException("storage allow-list " + file + " cannot be read: " + e, e);
    }
    Set<Cid> proposals = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int comment = line.indexOf('#');
      String text = (comment >= 0 ? line.substring(0, comment) : line).strip();
      if (text.isEmpty()) {
        continue;
      }
      try {
        proposals.add(Cid.parse(text));
      } catch (MalformedIpldException | IllegalArgumentException e) {
        throw new DealCheckException(
            "storage allow-list " + file + " line " + (i + 1) + " is not a CID: '" + text + "'");
      }
    }
    return Set.copyOf(proposals);
  }
}
