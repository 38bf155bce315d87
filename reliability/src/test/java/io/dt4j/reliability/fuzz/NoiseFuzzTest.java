package io.dt4j.reliability.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dt4j.libp2p.crypto.MalformedKeyException;
import io.dt4j.libp2p.crypto.PubKey;
import io.dt4j.libp2p.noise.NoiseException;
import io.dt4j.libp2p.noise.NoiseFrameDecoder;
import io.dt4j.libp2p.noise.NoiseHandshakePayload;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.CorruptedFrameException;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Noise handshake messages: u16 frames, each read as a handshake payload whose identity key is
 * parsed and whose signature is checked; a {@link NoiseException}, a {@link MalformedKeyException}
 * or, for a frame cut by the end of the connection, a {@link CorruptedFrameException}.
 */
@ExtendWith(FuzzedInputs.class)
class NoiseFuzzTest {
  private static final DecoderContract CONTRACT =
      DecoderContract.failingOnlyWith(
              NoiseException.class, MalformedKeyException.class, CorruptedFrameException.class)
          .inNettyPipeline();

  @MethodSource("io.dt4j.reliability.fuzz.FuzzSeeds#noise")
  @FuzzTest
  void decoderKeepsItsContract(byte[] input) {
    CONTRACT.check(input, NoiseFuzzTest::readStream);
  }

  private static final byte[] REMOTE_STATIC_KEY = new byte[32];

  private static void readStream(byte[] input) throws Exception {
    EmbeddedDecoder.run(input, NoiseFuzzTest::readPayload, new NoiseFrameDecoder());
  }

  /** What the handshake does with the payload of the message that carries the remote's key. */
  private static void readPayload(Object frame) throws NoiseException {
    NoiseHandshakePayload payload =
        NoiseHandshakePayload.decode(ByteBufUtil.getBytes((ByteBuf) frame));
    if (payload.identityKey().length > 0) {
      PubKey key = PubKey.fromProtobuf(payload.identityKey());
      key.verify(REMOTE_STATIC_KEY, payload.identitySig());
      key.peerId();
    }
  }
}
