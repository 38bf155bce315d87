package io.dt4j.reliability.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dt4j.graphsync.message.GraphsyncMessageCodec;
import io.dt4j.graphsync.message.MalformedMessageException;
import io.dt4j.ipld.protobuf.FrameDecoder;
import io.dt4j.ipld.protobuf.MalformedProtobufException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Graphsync messages as they arrive on a stream: uvarint frames, then the protobuf codec; messages
 * or a {@link MalformedProtobufException} (framing) or {@link MalformedMessageException}.
 */
@ExtendWith(FuzzedInputs.class)
class GraphsyncMessageFuzzTest {
  private static final DecoderContract CONTRACT =
      DecoderContract.failingOnlyWith(
          MalformedProtobufException.class, MalformedMessageException.class);

  @MethodSource("io.dt4j.reliability.fuzz.FuzzSeeds#graphsyncMessages")
  @FuzzTest
  void decoderKeepsItsContract(byte[] input) {
    CONTRACT.check(input, GraphsyncMessageFuzzTest::readStream);
  }

  private static void readStream(byte[] input) throws MalformedMessageException {
    FrameDecoder frames = new FrameDecoder(GraphsyncMessageCodec.MAX_MESSAGE_BYTES);
    List<byte[]> messages = new ArrayList<>();
    for (ByteBuffer read : Chunks.buffers(input)) {
      frames.decode(read, messages::add);
      for (byte[] message : messages) {
        GraphsyncMessageCodec.decode(message);
      }
      messages.clear();
    }
  }
}
