package io.dt4j.reliability.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dt4j.libp2p.multistream.MultistreamException;
import io.dt4j.libp2p.multistream.MultistreamFrameDecoder;
import io.dt4j.libp2p.multistream.MultistreamMessages;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.TooLongFrameException;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * multistream-select messages: the frame decoder, then the message parser; lines, a {@link
 * TooLongFrameException} or a {@link MultistreamException}.
 */
@ExtendWith(FuzzedInputs.class)
class MultistreamFuzzTest {
  private static final DecoderContract CONTRACT =
      DecoderContract.failingOnlyWith(
              TooLongFrameException.class,
              CorruptedFrameException.class,
              MultistreamException.class)
          .inNettyPipeline();

  @MethodSource("io.dt4j.reliability.fuzz.FuzzSeeds#multistream")
  @FuzzTest
  void decoderKeepsItsContract(byte[] input) {
    CONTRACT.check(input, MultistreamFuzzTest::readStream);
  }

  private static void readStream(byte[] input) throws Exception {
    EmbeddedDecoder.run(
        input, frame -> MultistreamMessages.decode((ByteBuf) frame), new MultistreamFrameDecoder());
  }
}
