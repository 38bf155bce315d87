package io.dt4j.libp2p.crypto;

import io.dt4j.api.PeerId;

/**
 * A node's private identity key. Only Ed25519 can be held and used for signing; other types are
 * verified only (their public keys).
 */
public sealed interface PrivKey permits Ed25519PrivKey {

  /** Returns the key type. */
  KeyType type();

  /** Returns the matching public key. */
  PubKey publicKey();

  /** Returns the peer id of {@link #publicKey()}. */
  default PeerId peerId() {
    return publicKey().peerId();
  }

  /**
   * Signs bytes.
   *
   * @param message the bytes to sign
   * @return the signature
   */
  byte[] sign(byte[] message);

  /** Returns the {@code PrivateKey} protobuf bytes; secret, handle with care. */
  byte[] toProtobuf();

  /**
   * Decodes a {@code PrivateKey} protobuf.
   *
   * @param protobuf the encoded key
   * @return the key
   * @throws MalformedKeyException if the bytes are malformed or the type is not Ed25519
   */
  static PrivKey fromProtobuf(byte[] protobuf) {
    KeyProtobuf.Fields fields = KeyProtobuf.decode(protobuf, "PrivateKey");
    if (fields.type() != KeyType.ED25519) {
      throw new MalformedKeyException(
          "private keys of type " + fields.type() + " are not supported, only ED25519");
    }
    return Ed25519PrivKey.fromData(fields.data());
  }
}
