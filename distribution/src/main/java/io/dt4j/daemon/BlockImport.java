package io.dt4j.daemon;

import io.dt4j.ipld.Blockstore;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.unixfs.ImportOptions;
import io.dt4j.ipld.unixfs.ImportResult;
import io.dt4j.ipld.unixfs.UnixFsImporter;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;

/**
 * Imports a file's bytes as a UnixFS DAG into a block store, each distinct block once (the importer
 * repeats identical chunks). {@code dt4j import} uses it offline and the daemon for its admin API.
 */
public final class BlockImport {
  private BlockImport() {}

  /**
   * What was imported.
   *
   * @param dag the root and file size
   * @param blocks the distinct blocks put
   * @param blockBytes their bytes
   */
  public record Result(ImportResult dag, long blocks, long blockBytes) {}

  /**
   * Imports a stream.
   *
   * @param in the file's bytes
   * @param options how to chunk and link
   * @param store where the blocks go
   * @return what was imported
   * @throws IOException if reading fails
   */
  public static Result into(InputStream in, ImportOptions options, Blockstore store)
      throws IOException {
    Set<Cid> seen = new HashSet<>();
    long[] distinct = new long[2];
    ImportResult dag =
        UnixFsImporter.importFile(
            in,
            options,
            block -> {
              if (seen.add(block.cid())) {
                store.put(block);
                distinct[0]++;
                distinct[1] += block.data().length;
              }
            });
    return new Result(dag, distinct[0], distinct[1]);
  }
}
