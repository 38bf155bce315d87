package io.dt4j.libp2p.noise;

import io.dt4j.ipld.protobuf.ProtobufWriter;
import io.dt4j.libp2p.crypto.PrivKey;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/** Payload rewriters that make a handshake side misbehave. */
final class NoiseTestPeers {
  private NoiseTestPeers() {}

  /** Signs a different static key than the one sent. */
  static UnaryOperator<byte[]> signingAnotherStaticKey(PrivKey identity) {
    return payload -> {
      byte[] other = X25519.generate(new SecureRandom()).publicKey();
      byte[] signed = Arrays.copyOf(NoiseHandshake.SIGNATURE_PREFIX, 24 + 32);
      System.arraycopy(other, 0, signed, 24, 32);
      return new NoiseHandshakePayload(
              identity.publicKey().toProtobuf(), identity.sign(signed), List.of())
          .encode();
    };
  }

  /** Replaces the identity key with one of an unknown type. */
  static UnaryOperator<byte[]> withKeyType(int type) {
    return payload -> {
      try {
        NoiseHandshakePayload p = NoiseHandshakePayload.decode(payload);
        byte[] key =
            new ProtobufWriter(40).varintField(1, type).bytesField(2, new byte[32]).toByteArray();
        return new NoiseHandshakePayload(key, p.identitySig(), List.of()).encode();
      } catch (NoiseException e) {
        throw new AssertionError(e);
      }
    };
  }

  /** Adds {@code stream_muxers} early data, as go and js peers send. */
  static UnaryOperator<byte[]> withStreamMuxers(String... muxers) {
    return payload -> {
      try {
        NoiseHandshakePayload p = NoiseHandshakePayload.decode(payload);
        return new NoiseHandshakePayload(p.identityKey(), p.identitySig(), List.of(muxers))
            .encode();
      } catch (NoiseException e) {
        throw new AssertionError(e);
      }
    };
  }
}
