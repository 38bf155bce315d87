package io.dt4j.graphsync;

import io.dt4j.graphsync.hooks.BlockData;
import io.dt4j.graphsync.message.GraphsyncResponse;

/**
 * Follows one request as it runs: each block the local traversal consumed and each response entry
 * received. Calls run on the peer's executor, in order; never block in them.
 */
public interface RequestListener {

  /** A listener that ignores everything. */
  RequestListener NONE = new RequestListener() {};

  /**
   * A block was verified and stored, or found in the local store ({@link BlockData#sizeOnWire()}
   * 0).
   *
   * @param block the block
   */
  default void blockReceived(BlockData block) {}

  /**
   * A response entry for the request arrived.
   *
   * @param response the entry, with its status and extensions
   */
  default void responseReceived(GraphsyncResponse response) {}
}
