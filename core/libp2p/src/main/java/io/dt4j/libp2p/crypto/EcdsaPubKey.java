package io.dt4j.libp2p.crypto;

import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

/** An ECDSA public key (PKIX DER, P-256 in practice). Verify only: DER ECDSA over SHA-256. */
public final class EcdsaPubKey implements PubKey {
  private final byte[] pkix;
  private final ECPublicKey key;

  private EcdsaPubKey(byte[] pkix, ECPublicKey key) {
    this.pkix = pkix;
    this.key = key;
  }

  static EcdsaPubKey fromPkix(byte[] pkix) {
    if (!(PkixKeys.decode("EC", pkix) instanceof ECPublicKey ec)) {
      throw new MalformedKeyException("ECDSA public key data is not an EC key");
    }
    return new EcdsaPubKey(pkix.clone(), ec);
  }

  @Override
  public KeyType type() {
    return KeyType.ECDSA;
  }

  @Override
  public byte[] data() {
    return pkix.clone();
  }

  @Override
  public boolean verify(byte[] message, byte[] signature) {
    return PkixKeys.verify("SHA256withECDSA", key, message, signature);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EcdsaPubKey other && Arrays.equals(pkix, other.pkix);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(pkix);
  }

  @Override
  public String toString() {
    return "EcdsaPubKey[" + key.getParams().getCurve().getField().getFieldSize() + " bits]";
  }
}
