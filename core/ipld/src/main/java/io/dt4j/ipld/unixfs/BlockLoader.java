package io.dt4j.ipld.unixfs;

import io.dt4j.ipld.Blockstore;
import io.dt4j.ipld.Cid;
import java.io.IOException;

/** Loads block bytes by CID for {@link UnixFsExporter}. */
@FunctionalInterface
public interface BlockLoader {
  /**
   * Loads a block.
   *
   * @param cid the block's CID
   * @return the block bytes (returning null counts as missing)
   * @throws BlockNotFoundException if the block is not available
   * @throws IOException if the storage fails
   */
  byte[] load(Cid cid) throws IOException;

  /**
   * Loads from a blockstore.
   *
   * @param store the store
   * @return a loader that throws {@link BlockNotFoundException} for absent blocks
   */
  static BlockLoader of(Blockstore store) {
    return cid -> store.get(cid).orElseThrow(() -> new BlockNotFoundException(cid));
  }
}
