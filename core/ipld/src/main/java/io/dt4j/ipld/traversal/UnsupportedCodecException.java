package io.dt4j.ipld.traversal;

import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Multicodec;

/** Thrown by a {@link NodeDecoder} for a block whose CID names a codec it cannot decode. */
public final class UnsupportedCodecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The block's CID. */
  private final transient Cid cid;

  /**
   * Creates the exception.
   *
   * @param cid the block's CID, whose codec is not supported
   */
  public UnsupportedCodecException(Cid cid) {
    super(
        "cannot decode block "
            + cid
            + ": codec "
            + Multicodec.name(cid.codec())
            + " (0x"
            + Long.toHexString(cid.codec())
            + ") is not supported");
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

  /**
   * Returns the unsupported codec.
   *
   * @return the multicodec code
   */
  public long codec() {
    return cid.codec();
  }
}
