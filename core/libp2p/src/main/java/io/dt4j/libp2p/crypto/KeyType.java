package io.dt4j.libp2p.crypto;

/** The libp2p {@code KeyType} enum (peer-ids spec); the wire code is explicit, never ordinal. */
public enum KeyType {
  /** RSA, PKIX public key, PKCS#1 private key, RSASSA-PKCS1-v1_5 with SHA-256. */
  RSA(0),
  /** Ed25519, raw 32-byte public key, RFC 8032 signatures. */
  ED25519(1),
  /** secp256k1, compressed 33-byte public key, DER ECDSA over SHA-256. */
  SECP256K1(2),
  /** ECDSA (P-256 in practice), PKIX public key, DER ECDSA over SHA-256. */
  ECDSA(3);

  private final int code;

  KeyType(int code) {
    this.code = code;
  }

  /** Returns the protobuf enum value. */
  public int code() {
    return code;
  }

  /**
   * Looks a key type up by its wire code.
   *
   * @param code the protobuf enum value
   * @return the key type
   * @throws MalformedKeyException if the code is not a known key type
   */
  public static KeyType fromCode(long code) {
    for (KeyType type : values()) {
      if (type.code == code) {
        return type;
      }
    }
    throw new MalformedKeyException("unknown key type " + code + " (known: 0 to 3)");
  }
}
