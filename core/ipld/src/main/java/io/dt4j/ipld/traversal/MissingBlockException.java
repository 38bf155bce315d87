package io.dt4j.ipld.traversal;

import io.dt4j.ipld.Cid;

/** The loader lacked a block and the traversal is set to {@link MissingBlockPolicy#FAIL}. */
public final class MissingBlockException extends TraversalException {
  private static final long serialVersionUID = 1L;

  /** The missing block. */
  private final transient Cid cid;

  /**
   * Creates the exception.
   *
   * @param cid the missing block's CID
   * @param path the path of the link
   */
  public MissingBlockException(Cid cid, Path path) {
    super("block " + cid + " is missing", path, null);
    this.cid = cid;
  }

  /**
   * Returns the missing block's CID.
   *
   * @return the CID
   */
  public Cid cid() {
    return cid;
  }
}
