package io.dt4j.ipld.unixfs;

import io.dt4j.ipld.Block;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Imports a byte stream as a UnixFS v1 file DAG with the same CIDs as kubo's {@code ipfs add} and
 * ipfs-unixfs-importer / ipfs-car for the same {@link ImportOptions}: fixed-size chunks, balanced
 * layout, raw or UnixFS leaves. A file of one chunk is that chunk's leaf (with raw leaves, a raw
 * block); an empty file is one empty leaf ({@code 0a 04 08 02 18 00} as dag-pb, or the empty raw
 * block).
 *
 * <p>Streaming: holds one chunk and at most {@code maxLinks} pending links per tree level. Blocks
 * reach the sink in depth-first post-order: each leaf as it is read, each parent right after its
 * last child, the root last. That is the JS importer's order (and so ipfs-car's CAR order) for
 * files of up to maxLinks² chunks; above that the JS importer writes the nodes two or more levels
 * up only at the end. Identical chunks give identical blocks, which the sink sees each time.
 */
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
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sink, "sink");
    FileDagWriter writer = new FileDagWriter(options, sink);
    BalancedLayout layout = new BalancedLayout(options.maxLinks(), writer::parent);
    byte[] buffer = new byte[options.chunkSize()];
    long fileSize = 0;
    while (true) {
      int read = in.readNBytes(buffer, 0, buffer.length);
      if (read == 0 && fileSize > 0) {
        break;
      }
      // The leaf copies the chunk, so the buffer can be reused.
      layout.addLeaf(writer.leaf(read == buffer.length ? buffer : Arrays.copyOf(buffer, read)));
      fileSize += read;
      if (read < buffer.length) {
        break;
      }
    }
    FileLink root = layout.finish();
    return new ImportResult(root.cid(), fileSize, writer.blockCount(), writer.bytesWritten());
  }
}
