package io.dt4j.ipld.unixfs;

import io.dt4j.ipld.Cid;

/**
 * A block is not a valid UnixFS node: bad hash, bad dag-pb or UnixFS encoding, or sizes that
 * contradict the data (filesize, blocksizes).
 */
public final class MalformedUnixFsException extends UnixFsException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param cid the CID of the bad block
   * @param problem what is wrong
   * @param cause the decoder's exception, or null
   */
  public MalformedUnixFsException(Cid cid, String problem, Throwable cause) {
    super(cid, "malformed UnixFS block " + cid + ": " + problem, cause);
  }
}
