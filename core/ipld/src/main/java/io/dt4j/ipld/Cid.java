package io.dt4j.ipld;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A content identifier (graphsync spec §8.2). CIDv0 is a bare sha2-256 multihash implying dag-pb;
 * CIDv1 is {@code varint(1) · varint(codec) · multihash}. Immutable; equality, hashing and ordering
 * follow the binary form, so a CIDv0 and its {@link #toV1()} are different CIDs.
 */
public final class Cid implements Comparable<Cid> {
  private static final int V0_LENGTH = 34;
  private static final int V0_TEXT_LENGTH = 46;

  private final int version;
  private final long codec;
  private final Multihash multihash;
  private final byte[] bytes;

  private Cid(int version, long codec, Multihash multihash) {
    this.version = version;
    this.codec = codec;
    this.multihash = multihash;
    if (version == 0) {
      this.bytes = multihash.toBytes();
    } else {
      ByteBuffer out =
          ByteBuffer.allocate(1 + Varint.encodedLength(codec) + multihash.encodedLength());
      this.bytes = out.put((byte) 1).put(Varint.encode(codec)).put(multihash.toBytes()).array();
    }
  }

  /**
   * Creates a CIDv0 (implicitly dag-pb).
   *
   * @param sha256Multihash a sha2-256 multihash with a 32-byte digest
   * @return the CIDv0
   * @throws IllegalArgumentException if the multihash is not sha2-256
   */
  public static Cid v0(Multihash sha256Multihash) {
    if (sha256Multihash.code() != Multicodec.SHA2_256) {
      throw new IllegalArgumentException(
          "CIDv0 requires a sha2-256 multihash, got " + Multicodec.name(sha256Multihash.code()));
    }
    return new Cid(0, Multicodec.DAG_PB, sha256Multihash);
  }

  /**
   * Creates a CIDv1.
   *
   * @param codec the content codec, e.g. {@link Multicodec#DAG_CBOR}
   * @param multihash the multihash of the content
   * @return the CIDv1
   * @throws IllegalArgumentException if the codec is negative (at least 2^63 unsigned)
   */
  public static Cid v1(long codec, Multihash multihash) {
    Varint.encodedLength(codec);
    return new Cid(1, codec, multihash);
  }

  /**
   * Parses the text form: a 46-character base58btc string starting {@code Qm} is a CIDv0; anything
   * else must be a multibase string of a binary CIDv1.
   *
   * @param text the CID text
   * @return the CID
   * @throws MalformedIpldException if the text is not a valid CID
   */
  public static Cid parse(String text) {
    if (text.length() == V0_TEXT_LENGTH && text.startsWith("Qm")) {
      Cid cid = fromBytes(Multibase.BASE58BTC.decodeRaw(text));
      if (cid.version != 0) {
        throw new MalformedIpldException("46-character Qm… text is not a CIDv0: " + text);
      }
      return cid;
    }
    Cid cid = fromBytes(Multibase.decode(text));
    if (cid.version == 0) {
      throw new MalformedIpldException(
          "CIDv0 must be written as bare base58btc, not multibase: " + text);
    }
    return cid;
  }

  /**
   * Parses a binary CID that must span the whole input.
   *
   * @param bytes the binary CID
   * @return the CID
   * @throws MalformedIpldException if the bytes are not exactly one valid CID
   */
  public static Cid fromBytes(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    Cid cid = read(in);
    if (in.hasRemaining()) {
      throw new MalformedIpldException(
          in.remaining() + " trailing bytes after CID at byte offset " + in.position());
    }
    return cid;
  }

  /**
   * Reads one binary CID from the buffer's position and advances past it.
   *
   * @param in the buffer to read from
   * @return the CID
   * @throws MalformedIpldException if the input is truncated or not a valid CID
   */
  public static Cid read(ByteBuffer in) {
    int start = in.position();
    if (in.remaining() >= 2
        && in.get(start) == (byte) Multicodec.SHA2_256
        && in.get(start + 1) == (byte) 32) {
      return new Cid(0, Multicodec.DAG_PB, Multihash.read(in));
    }
    long version = Varint.read(in);
    if (version != 1) {
      throw new MalformedIpldException(
          "unsupported CID version " + version + " at byte offset " + start);
    }
    long codec = Varint.read(in);
    return new Cid(1, codec, Multihash.read(in));
  }

  /**
   * Returns the CID version, 0 or 1.
   *
   * @return the version
   */
  public int version() {
    return version;
  }

  /**
   * Returns the content codec; {@link Multicodec#DAG_PB} for CIDv0.
   *
   * @return the codec's multicodec code
   */
  public long codec() {
    return codec;
  }

  /**
   * Returns the multihash of the content.
   *
   * @return the multihash
   */
  public Multihash multihash() {
    return multihash;
  }

  /**
   * Returns the binary form (for CIDv0 the bare 34-byte multihash).
   *
   * @return a new array holding the binary CID
   */
  public byte[] toBytes() {
    return bytes.clone();
  }

  /**
   * Returns this CID as a CIDv1 with the same codec and multihash; a CIDv1 returns itself.
   *
   * @return the CIDv1
   */
  public Cid toV1() {
    return version == 1 ? this : new Cid(1, codec, multihash);
  }

  /**
   * Returns the text form of a CIDv1 in the given multibase.
   *
   * @param base the multibase to use
   * @return the prefixed multibase string
   * @throws IllegalArgumentException for a CIDv0, whose only text form is {@link #toString()}
   */
  public String toString(Multibase base) {
    if (version == 0) {
      throw new IllegalArgumentException(
          "a CIDv0 has only the bare base58btc form; use toString() or toV1().toString(base)");
    }
    return base.encode(bytes);
  }

  /** Returns bare base58btc for CIDv0 ({@code Qm…}) and base32 with 'b' for CIDv1 ({@code b…}). */
  @Override
  public String toString() {
    return version == 0 ? Multibase.BASE58BTC.encodeRaw(bytes) : Multibase.BASE32.encode(bytes);
  }

  /** Orders by binary form, unsigned byte by byte, shorter prefix first. */
  @Override
  public int compareTo(Cid other) {
    return Arrays.compareUnsigned(bytes, other.bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cid that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }
}
