package io.dt4j.libp2p.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An Ed25519 public key: 32 raw bytes (RFC 8032 encoding). Verification uses the JDK provider; the
 * JDK key is built from the X.509 form, which is a fixed 12-byte prefix followed by the raw key.
 */
public final class Ed25519PubKey implements PubKey {
  /** Length of the raw key. */
  public static final int LENGTH = 32;

  /** SubjectPublicKeyInfo prefix for Ed25519 (OID 1.3.101.112), followed by the 32 raw bytes. */
  static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private final byte[] raw;
  private final PublicKey jdkKey;

  private Ed25519PubKey(byte[] raw) {
    this.raw = raw;
    try {
      this.jdkKey =
          KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(toX509(raw)));
    } catch (GeneralSecurityException e) {
      throw new MalformedKeyException("invalid Ed25519 public key: " + e.getMessage(), e);
    }
  }

  /**
   * Wraps a raw 32-byte public key (copied).
   *
   * @param raw the RFC 8032 encoded key
   * @return the key
   * @throws MalformedKeyException if the length is not 32
   */
  public static Ed25519PubKey fromRaw(byte[] raw) {
    if (raw.length != LENGTH) {
      throw new MalformedKeyException(
          "Ed25519 public key must be " + LENGTH + " bytes, got " + raw.length);
    }
    return new Ed25519PubKey(raw.clone());
  }

  /**
   * Extracts the raw key from a JDK key's X.509 encoding.
   *
   * @param x509 the {@code getEncoded()} form of a JDK Ed25519 public key
   * @return the key
   * @throws MalformedKeyException if the encoding is not an Ed25519 SubjectPublicKeyInfo
   */
  static Ed25519PubKey fromX509(byte[] x509) {
    if (x509.length != X509_PREFIX.length + LENGTH
        || !Arrays.equals(x509, 0, X509_PREFIX.length, X509_PREFIX, 0, X509_PREFIX.length)) {
      throw new MalformedKeyException("not an Ed25519 X.509 public key encoding");
    }
    return new Ed25519PubKey(Arrays.copyOfRange(x509, X509_PREFIX.length, x509.length));
  }

  private static byte[] toX509(byte[] raw) {
    byte[] x509 = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + LENGTH);
    System.arraycopy(raw, 0, x509, X509_PREFIX.length, LENGTH);
    return x509;
  }

  @Override
  public KeyType type() {
    return KeyType.ED25519;
  }

  @Override
  public byte[] data() {
    return raw.clone();
  }

  @Override
  public boolean verify(byte[] message, byte[] signature) {
    if (signature.length != 64) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(jdkKey);
      verifier.update(message);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      // the JDK throws for non-canonical points or scalars: that is an invalid signature
      return false;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ed25519PubKey other && Arrays.equals(raw, other.raw);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(raw);
  }

  @Override
  public String toString() {
    return "Ed25519PubKey[" + HexFormat.of().formatHex(raw) + "]";
  }
}
