package io.dt4j.ipld.unixfs;

import io.dt4j.ipld.Cid;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** Reads UnixFS v1 files and flat directories back out of their blocks. */
public final class UnixFsExporter {
  private UnixFsExporter() {}

  /**
   * Writes a file's bytes.
   *
   * @param root the file's root CID (dag-pb UnixFS File/Raw node, or a raw block)
   * @param loader where blocks come from
   * @param out receives the file bytes in order (not closed)
   * @return the number of bytes written
   * @throws UnixFsException naming the CID of a missing, malformed or unsupported block
   * @throws IOException if loading or writing fails
   */
  public static long exportFile(Cid root, BlockLoader loader, OutputStream out) throws IOException {
    throw new UnsupportedOperationException("not yet");
  }

  /**
   * Lists a flat (non-sharded) directory.
   *
   * @param directory the directory's CID
   * @param loader where blocks come from
   * @return the entries in link order
   * @throws UnixFsException naming the CID of a missing, malformed or unsupported block
   * @throws IOException if loading fails
   */
  public static List<DirectoryEntry> listDirectory(Cid directory, BlockLoader loader)
      throws IOException {
    throw new UnsupportedOperationException("not yet");
  }
}
