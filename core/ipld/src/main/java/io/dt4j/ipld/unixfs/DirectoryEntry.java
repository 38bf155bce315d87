package io.dt4j.ipld.unixfs;

import io.dt4j.ipld.Cid;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One entry of a flat UnixFS directory: the link's name, target and cumulative size.
 *
 * @param name the entry name (the link's Name)
 * @param cid the entry's root CID (the link's Hash)
 * @param size the link's Tsize: encoded bytes of the entry's whole DAG, if the link has it
 */
public record DirectoryEntry(String name, Cid cid, OptionalLong size) {
  /**
   * Rejects nulls.
   *
   * @param name the entry name
   * @param cid the entry CID
   * @param size the link's Tsize
   */
  public DirectoryEntry {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(cid, "cid");
    Objects.requireNonNull(size, "size");
  }
}
