package io.dt4j.ipld.unixfs;

import io.dt4j.ipld.Block;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;

/** Imports a byte stream as a UnixFS v1 file DAG. */
public final class UnixFsImporter {
  private UnixFsImporter() {}

  /**
   * Imports a stream.
   *
   * @param in the file bytes, read to the end (not closed)
   * @param options chunking, leaves, CID version and layout width
   * @param sink receives every block, each child before its parent, the root last
   * @return the root CID and counters
   * @throws IOException if reading fails
   */
  public static ImportResult importFile(InputStream in, ImportOptions options, Consumer<Block> sink)
      throws IOException {
    throw new UnsupportedOperationException("not yet");
  }
}
