package io.dt4j.ipld.traversal;

import io.dt4j.ipld.Cid;
import java.io.IOException;
import java.util.Optional;

/**
 * Where a traversal gets block bytes. A {@link io.dt4j.ipld.Blockstore} is one: {@code
 * blockstore::get}. A graphsync requester plugs in its network-backed loader here.
 */
@FunctionalInterface
public interface BlockLoader {
  /**
   * Loads a block's bytes.
   *
   * @param cid the block's CID
   * @return the bytes (the traversal may keep the array), or empty if the block is not available
   * @throws IOException if the storage failed; the traversal can then be retried from this load
   */
  Optional<byte[]> load(Cid cid) throws IOException;
}
