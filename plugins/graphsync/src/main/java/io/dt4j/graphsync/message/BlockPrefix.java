package io.dt4j.graphsync.message;

import io.dt4j.ipld.Cid;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Multihash;
import io.dt4j.ipld.Varint;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The CID prefix sent with each block (graphsync spec §2.3): four varints, CID version, content
 * codec, multihash function and digest length. The receiver hashes the data with the prefix's
 * function and so <em>derives</em> the block's CID: there is no separate integrity check, a block
 * whose bytes were altered simply gets another CID.
 *
 * @param version the CID version, 0 or 1
 * @param codec the content codec, e.g. {@link Multicodec#RAW}
 * @param multihashCode the hash function, e.g. {@link Multicodec#SHA2_256}
 * @param digestLength the digest length in bytes (ignored for the identity hash)
 */
public record BlockPrefix(long version, long codec, long multihashCode, long digestLength) {

  /**
   * Returns the prefix that reproduces a CID (a CIDv0 gets a v0 prefix, §7 pitfall 5).
   *
   * @param cid the block's CID
   * @return the prefix
   */
  public static BlockPrefix of(Cid cid) {
    Multihash multihash = cid.multihash();
    return new BlockPrefix(cid.version(), cid.codec(), multihash.code(), multihash.digest().length);
  }

  /**
   * Reads a prefix: exactly four varints.
   *
   * @param bytes the prefix bytes
   * @return the prefix
   * @throws MalformedMessageException if the bytes are not four varints
   */
  public static BlockPrefix fromBytes(byte[] bytes) throws MalformedMessageException {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    try {
      BlockPrefix prefix =
          new BlockPrefix(Varint.read(in), Varint.read(in), Varint.read(in), Varint.read(in));
      if (in.hasRemaining()) {
        throw new MalformedMessageException(
            "block prefix has " + in.remaining() + " bytes after its four varints");
      }
      return prefix;
    } catch (MalformedIpldException e) {
      throw new MalformedMessageException("malformed block prefix: " + e.getMessage(), e);
    }
  }

  /**
   * Returns the wire form.
   *
   * @return the four varints
   */
  public byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8);
    out.writeBytes(Varint.encode(version));
    out.writeBytes(Varint.encode(codec));
    out.writeBytes(Varint.encode(multihashCode));
    out.writeBytes(Varint.encode(digestLength));
    return out.toByteArray();
  }

  /**
   * Hashes data as this prefix says and returns the CID it names (go-cid's {@code Prefix.Sum}).
   *
   * @param data the block's bytes
   * @return the CID of the data
   * @throws MalformedMessageException if the hash function is not one dt4j computes (sha2-256,
   *     sha2-512, identity), the digest length is not the function's, or a CIDv0 prefix is not
   *     dag-pb with sha2-256
   */
  public Cid sum(byte[] data) throws MalformedMessageException {
    Multihash multihash = Multihash.of(multihashCode, digest(data));
    if (version == 0) {
      if (codec != Multicodec.DAG_PB || multihashCode != Multicodec.SHA2_256) {
        throw new MalformedMessageException(
            "a CIDv0 block prefix must be dag-pb with sha2-256, got " + this);
      }
      return Cid.v0(multihash);
    }
    if (version != 1) {
      throw new MalformedMessageException("unsupported CID version in block prefix: " + version);
    }
    return Cid.v1(codec, multihash);
  }

  private byte[] digest(byte[] data) throws MalformedMessageException {
    if (multihashCode == Multicodec.IDENTITY) {
      if (data.length > Multihash.MAX_IDENTITY_LENGTH) {
        throw new MalformedMessageException(
            "identity block of " + data.length + " bytes, over " + Multihash.MAX_IDENTITY_LENGTH);
      }
      return data;
    }
    String algorithm;
    long expectedLength;
    if (multihashCode == Multicodec.SHA2_256) {
      algorithm = "SHA-256";
      expectedLength = 32;
    } else if (multihashCode == Multicodec.SHA2_512) {
      algorithm = "SHA-512";
      expectedLength = 64;
    } else {
      throw new MalformedMessageException(
          "unsupported hash function in block prefix: " + Multicodec.name(multihashCode));
    }
    if (digestLength != expectedLength) {
      throw new MalformedMessageException(
          "block prefix digest length " + digestLength + " does not fit " + algorithm);
    }
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is required of every JDK", e);
    }
  }
}
