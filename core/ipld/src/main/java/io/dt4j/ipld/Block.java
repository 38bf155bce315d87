package io.dt4j.ipld;

import java.util.Arrays;
import java.util.Objects;

/**
 * A block: bytes and the CID that names them. The public constructor and {@link #data()} copy the
 * array, so a block is an immutable value. The data path, which moves every byte of a transfer,
 * avoids those copies through {@link #adopt}, {@link #adoptVerified} and {@link #dataUnsafe()}:
 * there the array is handed over once and only read afterwards.
 *
 * <p>A block remembers that its bytes were hashed to its CID (by {@link #of}, {@link
 * #adoptVerified} or a successful {@link #verify()}), so a later {@link #verify()} costs nothing: a
 * received block is hashed once, where it is decoded.
 */
public final class Block {
  private final Cid cid;
  private final byte[] data;
  private boolean verified; // set once, never cleared; a racing second hash is harmless

  private Block(Cid cid, byte[] data, boolean verified) {
    this.cid = Objects.requireNonNull(cid, "cid");
    this.data = Objects.requireNonNull(data, "data");
    this.verified = verified;
  }

  /**
   * Copies the data and rejects nulls.
   *
   * @param cid the block's CID
   * @param data the block's bytes
   */
  public Block(Cid cid, byte[] data) {
    this(cid, data.clone(), false);
  }

  /**
   * Makes a block of an array handed over without a copy: the caller must not change it afterwards.
   *
   * @param cid the block's CID
   * @param data the block's bytes, now owned by the block
   * @return the block, not yet verified
   */
  public static Block adopt(Cid cid, byte[] data) {
    return new Block(cid, data, false);
  }

  /**
   * Makes a block of an array handed over without a copy, whose CID the caller has just computed
   * from exactly these bytes (as graphsync does from a block's prefix and data); {@link #verify()}
   * then does not hash again. The caller must not change the array afterwards.
   *
   * @param cid the CID computed from {@code data}
   * @param data the block's bytes, now owned by the block
   * @return the block, known to match its CID
   */
  public static Block adoptVerified(Cid cid, byte[] data) {
    return new Block(cid, data, true);
  }

  /**
   * Makes a block whose CID is a CIDv1 over the sha2-256 of the data.
   *
   * @param codec the content codec, e.g. {@link Multicodec#RAW}
   * @param data the block's bytes
   * @return the block
   */
  public static Block of(long codec, byte[] data) {
    byte[] copy = data.clone();
    return new Block(Cid.v1(codec, Multihash.sha256(copy)), copy, true);
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
   * Returns a copy of the block's bytes.
   *
   * @return the bytes
   */
  public byte[] data() {
    return data.clone();
  }

  /**
   * Returns the block's own array, not a copy, for code on the data path that only reads it (to
   * write it out, hash it or decode it). Never change it.
   *
   * @return the bytes, shared
   */
  public byte[] dataUnsafe() {
    return data;
  }

  /**
   * Returns the size of the block's bytes, without copying them.
   *
   * @return the size in bytes
   */
  public int size() {
    return data.length;
  }

  /**
   * Checks that the data hashes to the CID's multihash (sha2-256, sha2-512 or identity); a block
   * already known to match returns at once.
   *
   * @throws MalformedIpldException if the hash does not match
   * @throws UnsupportedOperationException if the CID uses a hash function the JDK lacks
   */
  public void verify() {
    if (verified) {
      return;
    }
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
    verified = true;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Block that && cid.equals(that.cid) && Arrays.equals(data, that.data);
  }

  /** Hashes the CID only: equal blocks have equal CIDs, and the bytes may be large. */
  @Override
  public int hashCode() {
    return cid.hashCode();
  }

  @Override
  public String toString() {
    return "Block[" + cid + ", " + data.length + " bytes]";
  }
}
