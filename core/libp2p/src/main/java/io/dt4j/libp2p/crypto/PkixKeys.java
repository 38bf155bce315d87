package io.dt4j.libp2p.crypto;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;

/** Shared JDK plumbing of the two key types whose {@code Data} is a PKIX SubjectPublicKeyInfo. */
final class PkixKeys {
  private PkixKeys() {}

  static PublicKey decode(String algorithm, byte[] pkix) {
    try {
      return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(pkix));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new MalformedKeyException(
          "invalid " + algorithm + " public key (PKIX DER expected): " + e.getMessage(), e);
    }
  }

  static boolean verify(String algorithm, PublicKey key, byte[] message, byte[] signature) {
    try {
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(key);
      verifier.update(message);
      return verifier.verify(signature);
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }
}
