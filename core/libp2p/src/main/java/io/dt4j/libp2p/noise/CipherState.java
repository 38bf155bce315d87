package io.dt4j.libp2p.noise;

import io.dt4j.libp2p.noise.NoiseException.Reason;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Noise CipherState (Noise §5.1) with ChaCha20-Poly1305: a key and a 64-bit nonce counter. The
 * 96-bit nonce is four zero bytes then the counter in little-endian (libp2p.md §4.4). The cipher
 * object is cached and re-initialised with each new nonce. Not thread-safe: one per direction, used
 * on the event loop.
 */
final class CipherState {
  /** ChaCha20-Poly1305 tag length. */
  static final int TAG_LENGTH = 16;

  /** The counter value 2^64-1 is reserved (Noise §5.1), so -1 as a signed long is never used. */
  private static final long LAST_NONCE = -1L;

  private final SecretKeySpec key;
  private final Cipher cipher;
  private final byte[] nonceBytes = new byte[12];
  private long nonce;

  CipherState(byte[] key, NoiseCipherSuite suite) throws NoiseException {
    this.key = new SecretKeySpec(key, "ChaCha20");
    try {
      this.cipher = suite.newCipher();
    } catch (GeneralSecurityException e) {
      throw new NoiseException(Reason.CRYPTO_PROVIDER, "no ChaCha20-Poly1305: " + e, e);
    }
  }

  /** Encrypts a small message (handshake); returns ciphertext ‖ tag. */
  byte[] encrypt(byte[] ad, byte[] plaintext) throws NoiseException {
    init(Cipher.ENCRYPT_MODE, ad);
    try {
      return cipher.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new NoiseException(Reason.CRYPTO_PROVIDER, "encryption failed: " + e, e);
    }
  }

  /** Decrypts a small message (handshake). */
  byte[] decrypt(byte[] ad, byte[] ciphertext) throws NoiseException {
    init(Cipher.DECRYPT_MODE, ad);
    try {
      return cipher.doFinal(ciphertext);
    } catch (AEADBadTagException e) {
      throw new NoiseException(Reason.DECRYPTION_FAILED, "handshake message failed authentication");
    } catch (GeneralSecurityException e) {
      throw new NoiseException(Reason.DECRYPTION_FAILED, "handshake decryption failed: " + e, e);
    }
  }

  /**
   * Encrypts a transport message (empty associated data) from the plaintext buffers into {@code
   * out}, which must have room for their total length plus {@link #TAG_LENGTH}.
   */
  void encrypt(ByteBuffer[] plaintext, ByteBuffer out) throws NoiseException {
    init(Cipher.ENCRYPT_MODE, null);
    try {
      if (plaintext.length == 1) {
        cipher.doFinal(plaintext[0], out); // one call: Conscrypt seals direct buffers in place
      } else {
        for (ByteBuffer part : plaintext) {
          cipher.update(part, out);
        }
        cipher.doFinal(ByteBuffer.allocate(0), out);
      }
    } catch (GeneralSecurityException e) {
      throw new NoiseException(Reason.CRYPTO_PROVIDER, "encryption failed: " + e, e);
    }
  }

  /** Decrypts a transport message (ciphertext ‖ tag) into {@code out}. */
  void decrypt(ByteBuffer ciphertext, ByteBuffer out) throws NoiseException {
    init(Cipher.DECRYPT_MODE, null);
    try {
      cipher.doFinal(ciphertext, out);
    } catch (AEADBadTagException e) {
      throw new NoiseException(
          Reason.DECRYPTION_FAILED,
          "transport message " + (nonce - 1) + " failed authentication (bad tag)");
    } catch (GeneralSecurityException e) {
      throw new NoiseException(Reason.DECRYPTION_FAILED, "transport decryption failed: " + e, e);
    }
  }

  private void init(int mode, byte[] ad) throws NoiseException {
    if (nonce == LAST_NONCE) {
      throw new NoiseException(Reason.NONCE_EXHAUSTED, "nonce counter exhausted");
    }
    long n = nonce++;
    for (int i = 0; i < 8; i++) {
      nonceBytes[4 + i] = (byte) (n >>> (8 * i));
    }
    try {
      cipher.init(mode, key, new IvParameterSpec(nonceBytes));
      if (ad != null) {
        cipher.updateAAD(ad);
      }
    } catch (GeneralSecurityException e) {
      throw new NoiseException(Reason.CRYPTO_PROVIDER, "cipher init failed: " + e, e);
    }
  }

  /** Returns the next nonce, for tests. */
  long nonce() {
    return nonce;
  }

  /** Sets the counter, for tests of exhaustion. */
  void nonce(long value) {
    this.nonce = value;
  }
}
