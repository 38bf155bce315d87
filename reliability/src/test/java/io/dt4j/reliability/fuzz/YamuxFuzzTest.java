package io.dt4j.reliability.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dt4j.libp2p.mux.yamux.YamuxConfig;
import io.dt4j.libp2p.mux.yamux.YamuxFrameCodec;
import io.dt4j.libp2p.mux.yamux.YamuxFrameDecoder;
import io.dt4j.libp2p.mux.yamux.YamuxProtocolException;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * yamux frames after Noise: the frame decoder, then the header codec; frames or a {@link
 * YamuxProtocolException}.
 */
@ExtendWith(FuzzedInputs.class)
class YamuxFuzzTest {
  private static final DecoderContract CONTRACT =
      DecoderContract.failingOnlyWith(YamuxProtocolException.class).inNettyPipeline();

  @MethodSource("io.dt4j.reliability.fuzz.FuzzSeeds#yamux")
  @FuzzTest
  void decoderKeepsItsContract(byte[] input) {
    CONTRACT.check(input, YamuxFuzzTest::readStream);
  }

  private static void readStream(byte[] input) throws Exception {
    EmbeddedDecoder.run(
        input,
        frame -> {},
        new YamuxFrameDecoder(YamuxConfig.defaults().maxStreamWindow()),
        new YamuxFrameCodec());
  }
}
