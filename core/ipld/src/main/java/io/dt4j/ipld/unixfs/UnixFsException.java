package io.dt4j.ipld.unixfs;

import io.dt4j.ipld.Cid;
import java.util.Objects;

/** A UnixFS DAG could not be read; names the CID of the block at fault. */
public abstract sealed class UnixFsException extends java.io.IOException
    permits BlockNotFoundException, MalformedUnixFsException, UnsupportedUnixFsException {
  private static final long serialVersionUID = 1L;

  private final transient Cid cid;

  UnixFsException(Cid cid, String message, Throwable cause) {
    super(message, cause);
    this.cid = Objects.requireNonNull(cid, "cid");
  }

  /**
   * Returns the CID of the block at fault.
   *
   * @return the CID
   */
  public Cid cid() {
    return cid;
  }
}
