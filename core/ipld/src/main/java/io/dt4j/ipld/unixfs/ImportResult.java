package io.dt4j.ipld.unixfs;

import io.dt4j.ipld.Cid;
import java.util.Objects;

/**
 * What {@link UnixFsImporter#importFile} produced.
 *
 * @param root the root CID of the file DAG
 * @param fileSize the file bytes read
 * @param blockCount blocks given to the sink (a repeated chunk is counted each time)
 * @param bytesWritten total bytes of the blocks given to the sink
 */
public record ImportResult(Cid root, long fileSize, long blockCount, long bytesWritten) {
  /**
   * Rejects a null root.
   *
   * @param root the root CID
   * @param fileSize the file bytes read
   * @param blockCount blocks given to the sink
   * @param bytesWritten total bytes of those blocks
   */
  public ImportResult {
    Objects.requireNonNull(root, "root");
  }
}
