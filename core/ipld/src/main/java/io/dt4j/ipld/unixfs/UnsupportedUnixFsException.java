package io.dt4j.ipld.unixfs;

import io.dt4j.ipld.Cid;

/**
 * A block is valid UnixFS but not what the operation handles, e.g. a directory given to {@link
 * UnixFsExporter#exportFile} or a HAMT-sharded directory given to {@link
 * UnixFsExporter#listDirectory}.
 */
public final class UnsupportedUnixFsException extends UnixFsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param cid the CID of the block
   * @param problem what is not supported
   */
  public UnsupportedUnixFsException(Cid cid, String problem) {
    super(cid, problem + ": " + cid, null);
  }
}
