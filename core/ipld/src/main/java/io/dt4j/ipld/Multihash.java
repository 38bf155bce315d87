package io.dt4j.ipld;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * A self-describing hash: {@code varint(code) · varint(digest length) · digest}. Immutable; equal
 * when code and digest are equal.
 */
public final class Multihash {
  /** Largest digest accepted for the identity hash (inline data). */
  public static final int MAX_IDENTITY_LENGTH = 128;

  private final long code;
  private final byte[] digest;

  private Multihash(long code, byte[] digest) {
    this.code = code;
    this.digest = digest;
  }

  /**
   * Creates a multihash from a hash function code and a digest (copied).
   *
   * @param code the hash function's multicodec code, e.g. {@link Multicodec#SHA2_256}
   * @param digest the digest; its length must fit the hash function if the code is known
   * @return the multihash
   * @throws IllegalArgumentException if the code is negative or the digest length is wrong
   */
  public static Multihash of(long code, byte[] digest) {
    String problem = checkDigestLength(code, digest.length);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    return new Multihash(code, digest.clone());
  }

  /**
   * Hashes data with SHA2-256.
   *
   * @param data the bytes to hash
   * @return the sha2-256 multihash of the data
   */
  public static Multihash sha256(byte[] data) {
    return new Multihash(Multicodec.SHA2_256, digest("SHA-256", data));
  }

  /**
   * Parses a binary multihash that must span the whole input.
   *
   * @param bytes the binary multihash
   * @return the multihash
   * @throws MalformedIpldException if the bytes are not exactly one valid multihash
   */
  public static Multihash fromBytes(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    Multihash multihash = read(in);
    if (in.hasRemaining()) {
      throw new MalformedIpldException(
          in.remaining() + " trailing bytes after multihash at byte offset " + in.position());
    }
    return multihash;
  }

  /**
   * Reads one binary multihash from the buffer's position and advances past it.
   *
   * @param in the buffer to read from
   * @return the multihash
   * @throws MalformedIpldException if the input is truncated or not a valid multihash
   */
  public static Multihash read(ByteBuffer in) {
    int start = in.position();
    long code = Varint.read(in);
    long length = Varint.read(in);
    if (length > in.remaining()) {
      throw new MalformedIpldException(
          "truncated multihash at byte offset "
              + start
              + ": digest length "
              + length
              + " but only "
              + in.remaining()
              + " bytes remain");
    }
    String problem = checkDigestLength(code, length);
    if (problem != null) {
      throw new MalformedIpldException(problem + " (multihash at byte offset " + start + ")");
    }
    byte[] digest = new byte[(int) length];
    in.get(digest);
    return new Multihash(code, digest);
  }

  /** Returns null if the length suits the code, else a description of the problem. */
  static String checkDigestLength(long code, long length) {
    if (code < 0) {
      return "multihash code must be below 2^63";
    }
    long expected;
    if (code == Multicodec.SHA2_256 || code == Multicodec.BLAKE2B_256) {
      expected = 32;
    } else if (code == Multicodec.SHA2_512) {
      expected = 64;
    } else if (code == Multicodec.IDENTITY) {
      return length <= MAX_IDENTITY_LENGTH
          ? null
          : "identity multihash digest is " + length + " bytes, max " + MAX_IDENTITY_LENGTH;
    } else {
      return null;
    }
    return length == expected
        ? null
        : Multicodec.name(code) + " digest must be " + expected + " bytes, got " + length;
  }

  static byte[] digest(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is required of every JDK", e);
    }
  }

  /**
   * Returns the hash function's multicodec code.
   *
   * @return the code
   */
  public long code() {
    return code;
  }

  /**
   * Returns a copy of the digest.
   *
   * @return the digest bytes
   */
  public byte[] digest() {
    return digest.clone();
  }

  /**
   * Returns the binary form {@code varint(code) · varint(length) · digest}.
   *
   * @return a new array holding the binary multihash
   */
  public byte[] toBytes() {
    ByteBuffer out = ByteBuffer.allocate(encodedLength());
    out.put(Varint.encode(code)).put(Varint.encode(digest.length)).put(digest);
    return out.array();
  }

  /**
   * Returns the length of {@link #toBytes()}.
   *
   * @return the binary length in bytes
   */
  public int encodedLength() {
    return Varint.encodedLength(code) + Varint.encodedLength(digest.length) + digest.length;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Multihash that
        && code == that.code
        && Arrays.equals(digest, that.digest);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(code) + Arrays.hashCode(digest);
  }

  /** Returns e.g. {@code sha2-256:2cf24dba…} with the digest in lower-case hex. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(Multicodec.name(code)).append(':');
    for (byte b : digest) {
      text.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
    }
    return text.toString();
  }
}
