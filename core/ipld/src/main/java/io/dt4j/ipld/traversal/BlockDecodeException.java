package io.dt4j.ipld.traversal;

import io.dt4j.ipld.Cid;

/**
 * A loaded block could not be decoded: its codec is unsupported ({@link UnsupportedCodecException}
 * as the cause) or its bytes are malformed ({@link io.dt4j.ipld.MalformedIpldException}). The block
 * itself was already reported as loaded, as a Go responder sends it before decoding fails.
 */
public final class BlockDecodeException extends TraversalException {
  private static final long serialVersionUID = 1L;

  /** The undecodable block. */
  private final transient Cid cid;

  /**
   * Creates the exception.
   *
   * @param cid the block's CID
   * @param path the path of the link
   * @param cause why decoding failed
   */
  public BlockDecodeException(Cid cid, Path path, RuntimeException cause) {
    super("cannot decode block " + cid + ": " + cause.getMessage(), path, cause);
    this.cid = cid;
  }

  /**
   * Returns the block's CID.
   *
   * @return the CID
   */
  public Cid cid() {
    return cid;
  }
}
