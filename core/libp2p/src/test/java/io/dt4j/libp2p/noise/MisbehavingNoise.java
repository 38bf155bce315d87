package io.dt4j.libp2p.noise;

import io.dt4j.libp2p.crypto.PrivKey;
import io.netty.channel.ChannelPipeline;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Test-only Noise peers that break the rules, for tests in other packages. */
public final class MisbehavingNoise {
  private MisbehavingNoise() {}

  /** Starts a handshake whose payload signs a different static key. */
  public static Future<NoiseSession> badSignature(
      ChannelPipeline pipeline, PrivKey identity, boolean initiator) {
    return secure(pipeline, identity, initiator, NoiseTestPeers.signingAnotherStaticKey(identity));
  }

  /** Starts a handshake whose identity key has an unknown key type. */
  public static Future<NoiseSession> unknownKeyType(
      ChannelPipeline pipeline, PrivKey identity, boolean initiator) {
    return secure(pipeline, identity, initiator, NoiseTestPeers.withKeyType(7));
  }

  private static Future<NoiseSession> secure(
      ChannelPipeline pipeline, PrivKey identity, boolean initiator, UnaryOperator<byte[]> filter) {
    NoiseCipherSuite suite = NoiseCipherSuite.preferred();
    NoiseHandshake handshake =
        new NoiseHandshake(initiator, identity, Optional.empty(), suite, new SecureRandom());
    handshake.payloadFilter(filter);
    Promise<NoiseSession> result = pipeline.channel().eventLoop().newPromise();
    pipeline.addLast(
        new NoiseFrameDecoder(), new NoiseHandshakeHandler(handshake, (p, s) -> {}, result));
    return result;
  }
}
