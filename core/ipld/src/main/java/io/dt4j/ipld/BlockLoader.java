package io.dt4j.ipld;

import java.io.IOException;
import java.util.Optional;

/**
 * Where block bytes come from, by CID: a {@link Blockstore} ({@link #of}), or a graphsync
 * requester's network-backed loader. The traversal and the UnixFS exporter read through it.
 */
@FunctionalInterface
public interface BlockLoader {
  /**
   * Loads a block's bytes.
   *
   * @param cid the block's CID
   * @return the bytes (the caller may keep the array), or empty if the block is not available
   * @throws IOException if the storage failed; the caller may retry the same load
   */
  Optional<byte[]> load(Cid cid) throws IOException;

  /**
   * Loads from a blockstore.
   *
   * @param store the store
   * @return a loader over the store
   */
  static BlockLoader of(Blockstore store) {
    return store::get;
  }
}
