package io.dt4j.ipld;

import java.util.Arrays;
import java.util.Objects;

/**
 * A block: bytes and the CID that names them. The array is copied in and out.
 *
 * @param cid the block's CID
 * @param data the block's bytes
 */
public record Block(Cid cid, byte[] data) {
  /**
   * Copies the data and rejects nulls.
   *
   * @param cid the block's CID
   * @param data the block's bytes
   */
  public Block {
    Objects.requireNonNull(cid, "cid");
    data = data.clone();
  }

  /**
   * Makes a block whose CID is a CIDv1 over the sha2-256 of the data.
   *
   * @param codec the content codec, e.g. {@link Multicodec#RAW}
   * @param data the block's bytes
   * @return the block
   */
  public static Block of(long codec, byte[] data) {
    return new Block(Cid.v1(codec, Multihash.sha256(data)), data);
  }

  /**
   * Returns a copy of the block's bytes.
   *
   * @return the bytes
   */
  @Override
  public byte[] data() {
    return data.clone();
  }

  /**
   * Checks that the data hashes to the CID's multihash (sha2-256, sha2-512 or identity).
   *
   * @throws MalformedIpldException if the hash does not match
   * @throws UnsupportedOperationException if the CID uses a hash function the JDK lacks
   */
  public void verify() {
    Multihash expected = cid.multihash();
    byte[] actual;
    if (expected.code() == Multicodec.SHA2_256) {
      actual = Multihash.digest("SHA-256", data);
    } else if (expected.code() == Multicodec.SHA2_512) {
      actual = Multihash.digest("SHA-512", data);
    } else if (expected.code() == Multicodec.IDENTITY) {
      actual = data;
    } else {
      throw new UnsupportedOperationException(
          "cannot verify " + Multicodec.name(expected.code()) + " blocks");
    }
    if (!Arrays.equals(actual, expected.digest())) {
      throw new MalformedIpldException(
          "block data does not match its CID " + cid + " (" + data.length + " bytes)");
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Block that && cid.equals(that.cid) && Arrays.equals(data, that.data);
  }

  @Override
  public int hashCode() {
    return 31 * cid.hashCode() + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Block[" + cid + ", " + data.length + " bytes]";
  }
}
