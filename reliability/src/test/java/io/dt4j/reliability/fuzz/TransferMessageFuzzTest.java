package io.dt4j.reliability.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dt4j.core.messages.MalformedMessageException;
import io.dt4j.core.messages.MessageCodec;
import io.dt4j.core.messages.MessageFramer;
import io.dt4j.core.messages.ProtocolVersion;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Data-transfer messages as they arrive on a dt-net stream: the framer cuts the stream, each
 * message is decoded as version 1.0 and as 1.1; a message or a {@link MalformedMessageException}.
 */
@ExtendWith(FuzzedInputs.class)
class TransferMessageFuzzTest {
  private static final DecoderContract CONTRACT =
      DecoderContract.failingOnlyWith(MalformedMessageException.class);

  @MethodSource("io.dt4j.reliability.fuzz.FuzzSeeds#transferMessages")
  @FuzzTest
  void decoderKeepsItsContract(byte[] input) {
    CONTRACT.check(input, TransferMessageFuzzTest::readStream);
  }

  /** The network's default limit (NetworkOptions): 4 MiB would only slow the search down. */
  private static final int MAX_MESSAGE_BYTES = 64 * 1024;

  private static void readStream(byte[] input) throws MalformedMessageException {
    MessageFramer framer = new MessageFramer(MAX_MESSAGE_BYTES);
    for (ByteBuffer read : Chunks.buffers(input)) {
      framer.add(read);
      for (Optional<byte[]> m = framer.next(); m.isPresent(); m = framer.next()) {
        decodeBoth(m.get());
      }
    }
  }

  private static void decodeBoth(byte[] message) throws MalformedMessageException {
    try {
      MessageCodec.decode(message, ProtocolVersion.V1_0);
    } catch (MalformedMessageException e) {
      // allowed; the 1.1 decoder still gets the message
    }
    MessageCodec.decode(message, ProtocolVersion.V1_1);
  }
}
