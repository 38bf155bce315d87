package io.dt4j.ipld.unixfs;

import io.dt4j.ipld.BlockLoader;
import io.dt4j.ipld.Cid;

/** A block of the DAG is not available from the {@link BlockLoader}. */
public final class BlockNotFoundException extends UnixFsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception for a missing block.
   *
   * @param cid the missing block's CID
   */
  public BlockNotFoundException(Cid cid) {
    super(cid, "block not found: " + cid, null);
  }
}
