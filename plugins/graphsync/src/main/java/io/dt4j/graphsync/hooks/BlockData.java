package io.dt4j.graphsync.hooks;

import io.dt4j.ipld.Cid;
import java.util.Objects;

/**
 * A block a request received or a response sent (go-graphsync's {@code BlockData}).
 *
 * @param link the block's CID
 * @param size the block's size in bytes
 * @param sizeOnWire the bytes that crossed the network for it: 0 when the requester had it already
 *     or the responder de-duplicated it
 */
public record BlockData(Cid link, long size, long sizeOnWire) {

  /**
   * Rejects a null link and negative sizes.
   *
   * @param link the block's CID
   * @param size the block's size
   * @param sizeOnWire the bytes on the wire
   */
  public BlockData {
    Objects.requireNonNull(link, "link");
    if (size < 0 || sizeOnWire < 0) {
      throw new IllegalArgumentException("sizes must not be negative");
    }
  }
}
