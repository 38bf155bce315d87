package io.dt4j.reliability.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dt4j.libp2p.mux.mplex.MplexConfig;
import io.dt4j.libp2p.mux.mplex.MplexFrameCodec;
import io.dt4j.libp2p.mux.mplex.MplexFrameDecoder;
import io.dt4j.libp2p.mux.mplex.MplexProtocolException;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * mplex messages after Noise: the frame decoder, then the header codec; frames or an {@link
 * MplexProtocolException}.
 */
@ExtendWith(FuzzedInputs.class)
class MplexFuzzTest {
  private static final DecoderContract CONTRACT =
      DecoderContract.failingOnlyWith(MplexProtocolException.class).inNettyPipeline();

  @MethodSource("io.dt4j.reliability.fuzz.FuzzSeeds#mplex")
  @FuzzTest
  void decoderKeepsItsContract(byte[] input) {
    CONTRACT.check(input, MplexFuzzTest::readStream);
  }

  private static void readStream(byte[] input) throws Exception {
    EmbeddedDecoder.run(
        input,
        frame -> {},
        new MplexFrameDecoder(MplexConfig.defaults().maxMessageSize()),
        new MplexFrameCodec());
  }
}
