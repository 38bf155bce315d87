package io.dt4j.libp2p.noise;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The Noise SymmetricState (Noise §5.2) with SHA-256, as libp2p.md §4.3 spells it out. */
final class SymmetricState {
  /** Exactly 32 bytes, so it is used as h directly, without hashing. */
  static final byte[] PROTOCOL_NAME =
      "Noise_XX_25519_ChaChaPoly_SHA256".getBytes(StandardCharsets.US_ASCII);

  private final NoiseCipherSuite suite;
  private byte[] h;
  private byte[] ck;
  private CipherState cipher; // null until the first MixKey

  SymmetricState(NoiseCipherSuite suite) {
    this.suite = suite;
    this.h = PROTOCOL_NAME.clone();
    this.ck = PROTOCOL_NAME.clone();
  }

  byte[] handshakeHash() {
    return h.clone();
  }

  void mixHash(byte[] data) {
    h = sha256(h, data);
  }

  void mixKey(byte[] inputKeyMaterial) throws NoiseException {
    byte[][] out = hkdf(ck, inputKeyMaterial);
    ck = out[0];
    cipher = new CipherState(out[1], suite);
  }

  byte[] encryptAndHash(byte[] plaintext) throws NoiseException {
    byte[] ciphertext = cipher == null ? plaintext : cipher.encrypt(h, plaintext);
    mixHash(ciphertext);
    return ciphertext;
  }

  byte[] decryptAndHash(byte[] ciphertext) throws NoiseException {
    byte[] plaintext = cipher == null ? ciphertext : cipher.decrypt(h, ciphertext);
    mixHash(ciphertext);
    return plaintext;
  }

  /** Returns the (initiator→responder, responder→initiator) transport ciphers. */
  CipherState[] split() throws NoiseException {
    byte[][] keys = hkdf(ck, new byte[0]);
    return new CipherState[] {new CipherState(keys[0], suite), new CipherState(keys[1], suite)};
  }

  /** Noise HKDF with two outputs: RFC 5869 with salt = chaining key and empty info. */
  static byte[][] hkdf(byte[] chainingKey, byte[] inputKeyMaterial) {
    byte[] tempKey = hmac(chainingKey, inputKeyMaterial);
    byte[] out1 = hmac(tempKey, new byte[] {1});
    byte[] in2 = Arrays.copyOf(out1, out1.length + 1);
    in2[out1.length] = 2;
    byte[] out2 = hmac(tempKey, in2);
    return new byte[][] {out1, out2};
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no HmacSHA256", e);
    }
  }

  static byte[] sha256(byte[] a, byte[] b) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(a);
      digest.update(b);
      return digest.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
