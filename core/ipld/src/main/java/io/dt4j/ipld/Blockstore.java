package io.dt4j.ipld;

import java.util.Collection;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Storage of blocks by CID. Implementations may throw {@link java.io.UncheckedIOException} from any
 * method when the underlying storage fails. Stores do not verify hashes; call {@link
 * Block#verify()} before {@link #put(Block)} when the data came from an untrusted peer.
 */
public interface Blockstore {
  /**
   * Tells whether a block is stored.
   *
   * @param cid the block's CID
   * @return true if stored
   */
  boolean has(Cid cid);

  /**
   * Returns a stored block's bytes.
   *
   * @param cid the block's CID
   * @return a copy of the bytes, or empty if not stored
   */
  Optional<byte[]> get(Cid cid);

  /**
   * Stores a block; storing a CID that is already present is a no-op.
   *
   * @param block the block
   */
  void put(Block block);

  /**
   * Stores several blocks; by default one {@link #put(Block)} each, not atomically.
   *
   * @param blocks the blocks
   */
  default void putAll(Collection<Block> blocks) {
    for (Block block : blocks) {
      put(block);
    }
  }

  /**
   * Removes a block.
   *
   * @param cid the block's CID
   * @return true if it was stored
   */
  boolean delete(Cid cid);

  /**
   * Returns the size of a stored block.
   *
   * @param cid the block's CID
   * @return the size in bytes, or empty if not stored
   */
  OptionalLong size(Cid cid);

  /**
   * Lists the stored CIDs. The stream is weakly consistent with concurrent changes; close it when
   * done, as disk-backed stores may hold resources.
   *
   * @return the CIDs, in no particular order
   */
  Stream<Cid> cids();
}
