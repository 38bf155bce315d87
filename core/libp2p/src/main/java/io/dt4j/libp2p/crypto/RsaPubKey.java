package io.dt4j.libp2p.crypto;

import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

/**
 * An RSA public key (PKIX DER). Verify only: RSASSA-PKCS1-v1_5 with SHA-256. Like go-libp2p, keys
 * under 2048 or over 8192 bits are rejected.
 */
public final class RsaPubKey implements PubKey {
  static final int MIN_BITS = 2048;
  static final int MAX_BITS = 8192;

  private final byte[] pkix;
  private final RSAPublicKey key;

  private RsaPubKey(byte[] pkix, RSAPublicKey key) {
    this.pkix = pkix;
    this.key = key;
  }

  static RsaPubKey fromPkix(byte[] pkix) {
    if (!(PkixKeys.decode("RSA", pkix) instanceof RSAPublicKey rsa)) {
      throw new MalformedKeyException("RSA public key data is not an RSA key");
    }
    int bits = rsa.getModulus().bitLength();
    if (bits < MIN_BITS || bits > MAX_BITS) {
      throw new MalformedKeyException(
          "RSA key has " + bits + " bits; allowed " + MIN_BITS + " to " + MAX_BITS);
    }
    return new RsaPubKey(pkix.clone(), rsa);
  }

  @Override
  public KeyType type() {
    return KeyType.RSA;
  }

  @Override
  public byte[] data() {
    return pkix.clone();
  }

  @Override
  public boolean verify(byte[] message, byte[] signature) {
    return PkixKeys.verify("SHA256withRSA", key, message, signature);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RsaPubKey other && Arrays.equals(pkix, other.pkix);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(pkix);
  }

  @Override
  public String toString() {
    return "RsaPubKey[" + key.getModulus().bitLength() + " bits]";
  }
}
