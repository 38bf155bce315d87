package io.dt4j.libp2p.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;

/**
 * An Ed25519 private key: the 32-byte seed and its public key. Keys are generated and used for
 * signing through the JDK ({@code KeyPairGenerator/Signature "Ed25519"}); only deriving the public
 * key from a stored seed uses BouncyCastle, because the JDK has no API for it.
 *
 * <p>{@code PrivateKey.Data} is {@code seed(32) ‖ pub(32)}; the legacy 96-byte form {@code seed ‖
 * pub ‖ pub} is accepted when both copies match (libp2p.md §1.1).
 */
public final class Ed25519PrivKey implements PrivKey {
  private static final int SEED_LENGTH = 32;

  private final byte[] seed;
  private final Ed25519PubKey publicKey;
  private final PrivateKey jdkKey;

  private Ed25519PrivKey(byte[] seed, Ed25519PubKey publicKey) {
    this.seed = seed;
    this.publicKey = publicKey;
    try {
      this.jdkKey =
          KeyFactory.getInstance("Ed25519")
              .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK rejected an Ed25519 seed", e);
    }
  }

  /**
   * Generates a new key with the JDK.
   *
   * @param random the randomness source
   * @return the key
   */
  public static Ed25519PrivKey generate(SecureRandom random) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, random);
      KeyPair pair = generator.generateKeyPair();
      byte[] seed =
          ((EdECPrivateKey) pair.getPrivate())
              .getBytes()
              .orElseThrow(() -> new IllegalStateException("JDK Ed25519 key hides its seed"));
      return new Ed25519PrivKey(seed, Ed25519PubKey.fromX509(pair.getPublic().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no Ed25519 key pair generator", e);
    }
  }

  /**
   * Creates the key of a 32-byte seed (copied).
   *
   * @param seed the RFC 8032 private key
   * @return the key
   * @throws MalformedKeyException if the seed is not 32 bytes
   */
  public static Ed25519PrivKey fromSeed(byte[] seed) {
    if (seed.length != SEED_LENGTH) {
      throw new MalformedKeyException(
          "Ed25519 seed must be " + SEED_LENGTH + " bytes, got " + seed.length);
    }
    byte[] pub = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
    return new Ed25519PrivKey(seed.clone(), Ed25519PubKey.fromRaw(pub));
  }

  static Ed25519PrivKey fromData(byte[] data) {
    if (data.length != 64 && data.length != 96) {
      throw new MalformedKeyException(
          "Ed25519 private key data must be 64 (or legacy 96) bytes, got " + data.length);
    }
    if (data.length == 96 && !Arrays.equals(data, 32, 64, data, 64, 96)) {
      throw new MalformedKeyException(
          "legacy 96-byte Ed25519 private key has two different public keys");
    }
    Ed25519PrivKey key = fromSeed(Arrays.copyOf(data, SEED_LENGTH));
    byte[] storedPub = Arrays.copyOfRange(data, 32, 64);
    if (!MessageDigest.isEqual(storedPub, key.publicKey.data())) {
      throw new MalformedKeyException(
          "Ed25519 private key: the stored public key does not match the seed");
    }
    return key;
  }

  @Override
  public KeyType type() {
    return KeyType.ED25519;
  }

  @Override
  public Ed25519PubKey publicKey() {
    return publicKey;
  }

  @Override
  public byte[] sign(byte[] message) {
    try {
      Signature signer = Signature.getInstance("Ed25519");
      signer.initSign(jdkKey);
      signer.update(message);
      return signer.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  @Override
  public byte[] toProtobuf() {
    byte[] data = Arrays.copyOf(seed, 64);
    System.arraycopy(publicKey.data(), 0, data, SEED_LENGTH, 32);
    return KeyProtobuf.encode(KeyType.ED25519, data);
  }

  /** Never prints the seed. */
  @Override
  public String toString() {
    return "Ed25519PrivKey[" + peerId() + "]";
  }
}
