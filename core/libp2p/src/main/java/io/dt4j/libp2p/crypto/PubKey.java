package io.dt4j.libp2p.crypto;

import io.dt4j.api.PeerId;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Multihash;

/**
 * A peer's public identity key (libp2p.md §1). Immutable. Named after go-libp2p's {@code
 * crypto.PubKey} to keep it apart from {@link java.security.PublicKey}.
 */
public sealed interface PubKey permits Ed25519PubKey, Secp256k1PubKey, RsaPubKey, EcdsaPubKey {

  /** Encoded public keys up to this size are inlined in the peer id (identity multihash). */
  int MAX_INLINE_KEY_LENGTH = 42;

  /** Returns the key type. */
  KeyType type();

  /** Returns a copy of the protobuf {@code Data} field (the key in its per-type encoding). */
  byte[] data();

  /**
   * Verifies a signature made with the matching private key. Never throws for a bad signature.
   *
   * @param message the signed bytes
   * @param signature the signature in the key type's encoding
   * @return whether the signature is valid
   */
  boolean verify(byte[] message, byte[] signature);

  /** Returns the {@code PublicKey} protobuf bytes. */
  default byte[] toProtobuf() {
    return KeyProtobuf.encode(type(), data());
  }

  /**
   * Returns the peer id: the identity multihash of {@link #toProtobuf()} when it is at most 42
   * bytes long (Ed25519, secp256k1), else its sha2-256 multihash (RSA, ECDSA).
   */
  default PeerId peerId() {
    byte[] encoded = toProtobuf();
    Multihash multihash =
        encoded.length <= MAX_INLINE_KEY_LENGTH
            ? Multihash.of(Multicodec.IDENTITY, encoded)
            : Multihash.sha256(encoded);
    return PeerId.fromBytes(multihash.toBytes());
  }

  /**
   * Decodes a {@code PublicKey} protobuf (strict, see {@link KeyProtobuf}).
   *
   * @param protobuf the encoded key
   * @return the key
   * @throws MalformedKeyException if the bytes are not a valid key of a supported type
   */
  static PubKey fromProtobuf(byte[] protobuf) {
    KeyProtobuf.Fields fields = KeyProtobuf.decode(protobuf, "PublicKey");
    return switch (fields.type()) {
      case ED25519 -> Ed25519PubKey.fromRaw(fields.data());
      case SECP256K1 -> Secp256k1PubKey.fromData(fields.data());
      case RSA -> RsaPubKey.fromPkix(fields.data());
      case ECDSA -> EcdsaPubKey.fromPkix(fields.data());
    };
  }
}
