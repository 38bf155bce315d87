package io.dt4j.libp2p.noise;

import io.dt4j.libp2p.noise.NoiseException.Reason;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;

/**
 * X25519 (RFC 7748) through the JDK, with raw 32-byte keys on the wire.
 *
 * <p>A raw public key is the u-coordinate in little-endian. The JDK's {@link XECPublicKeySpec}
 * wants it as a {@link BigInteger}: reverse the bytes, and clear the top bit of the last raw byte
 * first (RFC 7748 §5: "implementations of X25519 MUST mask the most significant bit in the final
 * byte"). The other way, {@link XECPublicKey#getU()} is written back as 32 little-endian bytes.
 */
final class X25519 {
  static final int KEY_LENGTH = 32;

  private X25519() {}

  /** A key pair: the JDK private key and the raw public key. */
  record KeyPair(PrivateKey privateKey, byte[] publicKey) {}

  static KeyPair generate(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("X25519");
      generator.initialize(NamedParameterSpec.X25519, random);
      java.security.KeyPair pair = generator.generateKeyPair();
      return new KeyPair(pair.getPrivate(), rawPublic((XECPublicKey) pair.getPublic()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no X25519", e);
    }
  }

  /** Builds a key pair from a raw 32-byte private scalar (clamped by the JDK). */
  static KeyPair fromPrivate(byte[] scalar) {
    try {
      KeyFactory factory = KeyFactory.getInstance("X25519");
      PrivateKey privateKey =
          factory.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, scalar.clone()));
      // the public key is scalar · 9: DH with the base point's u-coordinate
      byte[] base = new byte[KEY_LENGTH];
      base[0] = 9;
      return new KeyPair(privateKey, agree(privateKey, base));
    } catch (GeneralSecurityException | NoiseException e) {
      throw new IllegalArgumentException("invalid X25519 private key", e);
    }
  }

  static byte[] rawPublic(XECPublicKey key) {
    byte[] bigEndian = key.getU().toByteArray(); // may have a leading 0 or be short
    byte[] raw = new byte[KEY_LENGTH];
    for (int i = 0; i < KEY_LENGTH && i < bigEndian.length; i++) {
      raw[i] = bigEndian[bigEndian.length - 1 - i];
    }
    return raw;
  }

  static PublicKey jdkPublic(byte[] raw) throws GeneralSecurityException {
    byte[] bigEndian = new byte[KEY_LENGTH];
    for (int i = 0; i < KEY_LENGTH; i++) {
      bigEndian[i] = raw[KEY_LENGTH - 1 - i];
    }
    bigEndian[0] &= 0x7f; // the masked top bit of the last little-endian byte
    BigInteger u = new BigInteger(1, bigEndian);
    return KeyFactory.getInstance("X25519")
        .generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, u));
  }

  /**
   * Computes DH(private, remote public).
   *
   * @throws NoiseException if the remote key is invalid or the result is all zeros
   */
  static byte[] agree(PrivateKey privateKey, byte[] remotePublic) throws NoiseException {
    if (remotePublic.length != KEY_LENGTH) {
      throw new NoiseException(
          Reason.MALFORMED_MESSAGE,
          "X25519 public key must be 32 bytes, got " + remotePublic.length);
    }
    try {
      KeyAgreement agreement = KeyAgreement.getInstance("X25519");
      agreement.init(privateKey);
      agreement.doPhase(jdkPublic(remotePublic), true);
      return agreement.generateSecret();
    } catch (GeneralSecurityException | IllegalStateException e) {
      // the JDK rejects low-order points whose shared secret would be all zeros
      throw new NoiseException(Reason.DECRYPTION_FAILED, "X25519 key agreement failed: " + e, e);
    }
  }
}
