package io.dt4j.libp2p.crypto;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.StandardDSAEncoding;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A secp256k1 public key (33-byte compressed point; the 65-byte uncompressed form is accepted on
 * input, as go-libp2p does). Verify only: ECDSA over SHA-256 with a DER signature, through
 * BouncyCastle because the JDK dropped the curve in JDK 16.
 */
public final class Secp256k1PubKey implements PubKey {
  private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  private static final ECDomainParameters DOMAIN =
      new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());

  private final byte[] compressed;
  private final ECPoint point;

  private Secp256k1PubKey(byte[] compressed, ECPoint point) {
    this.compressed = compressed;
    this.point = point;
  }

  static Secp256k1PubKey fromData(byte[] data) {
    if (data.length != 33 && data.length != 65) {
      throw new MalformedKeyException(
          "secp256k1 public key must be 33 (or 65) bytes, got " + data.length);
    }
    try {
      ECPoint point = CURVE.getCurve().decodePoint(data).normalize();
      if (point.isInfinity() || !point.isValid()) {
        throw new MalformedKeyException("secp256k1 public key is not a valid curve point");
      }
      return new Secp256k1PubKey(point.getEncoded(true), point);
    } catch (IllegalArgumentException e) {
      throw new MalformedKeyException("invalid secp256k1 public key: " + e.getMessage(), e);
    }
  }

  @Override
  public KeyType type() {
    return KeyType.SECP256K1;
  }

  @Override
  public byte[] data() {
    return compressed.clone();
  }

  @Override
  public boolean verify(byte[] message, byte[] signature) {
    try {
      BigInteger[] rs = StandardDSAEncoding.INSTANCE.decode(DOMAIN.getN(), signature);
      ECDSASigner verifier = new ECDSASigner();
      verifier.init(false, new ECPublicKeyParameters(point, DOMAIN));
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(message);
      return verifier.verifySignature(digest, rs[0], rs[1]);
    } catch (GeneralSecurityException | java.io.IOException | RuntimeException e) {
      return false;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secp256k1PubKey other && Arrays.equals(compressed, other.compressed);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(compressed);
  }

  @Override
  public String toString() {
    return "Secp256k1PubKey[" + HexFormat.of().formatHex(compressed) + "]";
  }
}
