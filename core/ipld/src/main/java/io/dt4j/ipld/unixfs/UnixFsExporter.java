package io.dt4j.ipld.unixfs;

import io.dt4j.ipld.BlockLoader;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.dagpb.PbLink;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads UnixFS v1 files and flat directories back out of their blocks. Every block is checked
 * against its CID's hash before use; failures name the CID of the block at fault.
 */
public final class UnixFsExporter {
  private UnixFsExporter() {}

  /**
   * Writes a file's bytes, streaming: depth-first, one block at a time, memory bounded by the tree
   * depth. Checks that every child holds the bytes its parent's blocksizes promise and that every
   * node's filesize matches, so the bytes written equal the root's filesize.
   *
   * @param root the file's root CID (a dag-pb UnixFS File or Raw node, or a raw block)
   * @param loader where blocks come from
   * @param out receives the file bytes in order (not closed)
   * @return the number of bytes written
   * @throws BlockNotFoundException if a block is missing
   * @throws MalformedUnixFsException if a block is corrupt or its sizes contradict the data
   * @throws UnsupportedUnixFsException if the root or a child is not a file node
   * @throws IOException if loading or writing fails
   */
  public static long exportFile(Cid root, BlockLoader loader, OutputStream out) throws IOException {
    Objects.requireNonNull(root, "root");
    return new FileExport(Objects.requireNonNull(loader, "loader"), out).run(root);
  }

  /**
   * Lists a flat (non-sharded) directory: one entry per link, in link order.
   *
   * @param directory the directory's CID
   * @param loader where blocks come from
   * @return the entries in link order
   * @throws BlockNotFoundException if the directory block is missing
   * @throws MalformedUnixFsException if the block is corrupt or a link has no name
   * @throws UnsupportedUnixFsException if the block is not a directory or is HAMT-sharded
   * @throws IOException if loading fails
   */
  public static List<DirectoryEntry> listDirectory(Cid directory, BlockLoader loader)
      throws IOException {
    byte[] bytes = new NodeLoader(loader).load(directory);
    if (directory.codec() != Multicodec.DAG_PB) {
      throw new UnsupportedUnixFsException(
          directory, "not a directory but a " + Multicodec.name(directory.codec()) + " block");
    }
    UnixFsNode node = NodeLoader.decode(directory, bytes);
    UnixFsData.DataType type = node.unixfs().type();
    if (type == UnixFsData.DataType.HAMT_SHARD) {
      throw new UnsupportedUnixFsException(directory, "HAMT-sharded directories are not supported");
    }
    if (type != UnixFsData.DataType.DIRECTORY) {
      throw new UnsupportedUnixFsException(directory, "not a directory but a " + type);
    }
    List<DirectoryEntry> entries = new ArrayList<>(node.pb().links().size());
    for (PbLink link : node.pb().links()) {
      String name =
          link.name()
              .orElseThrow(
                  () ->
                      new MalformedUnixFsException(
                          directory, "directory link to " + link.hash() + " has no Name", null));
      entries.add(new DirectoryEntry(name, link.hash(), link.tsize()));
    }
    return List.copyOf(entries);
  }
}
