package io.dt4j.graphsync;

import io.dt4j.ipld.Cid;

/**
 * The traversal needed a block the responder said it sent (or a complete response should have held)
 * but no block with that CID arrived. Bytes that do not hash to the expected CID are never stored,
 * so a corrupted block ends up here, not in the blockstore.
 */
public final class BlockNotReceivedException extends GraphsyncException {
  private static final long serialVersionUID = 1L;

  /** The block that was expected. */
  private final transient Cid cid;

  /**
   * Creates the exception.
   *
   * @param cid the missing block
   * @param message what happened
   */
  public BlockNotReceivedException(Cid cid, String message) {
    super(message, null);
    this.cid = cid;
  }

  /**
   * Returns the block that was expected.
   *
   * @return its CID
   */
  public Cid cid() {
    return cid;
  }
}
