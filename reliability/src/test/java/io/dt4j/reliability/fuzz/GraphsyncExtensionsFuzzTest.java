package io.dt4j.reliability.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dt4j.graphsync.extensions.DedupKey;
import io.dt4j.graphsync.extensions.DoNotSendCids;
import io.dt4j.graphsync.extensions.DoNotSendFirstBlocks;
import io.dt4j.graphsync.extensions.MalformedExtensionException;
import io.dt4j.graphsync.extensions.ResponseMetadata;
import io.dt4j.graphsync.message.BlockPrefix;
import io.dt4j.graphsync.message.MalformedMessageException;
import java.util.Arrays;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Graphsync extension payloads and block prefixes; the first byte picks the decoder. A value, a
 * {@link MalformedExtensionException} or (block prefix) a {@link MalformedMessageException}.
 */
@ExtendWith(FuzzedInputs.class)
class GraphsyncExtensionsFuzzTest {
  private static final DecoderContract CONTRACT =
      DecoderContract.failingOnlyWith(
          MalformedExtensionException.class, MalformedMessageException.class);

  @MethodSource("io.dt4j.reliability.fuzz.FuzzSeeds#graphsyncExtensions")
  @FuzzTest
  void decoderKeepsItsContract(byte[] input) {
    CONTRACT.check(input, GraphsyncExtensionsFuzzTest::decode);
  }

  private static void decode(byte[] input) throws Exception {
    if (input.length == 0) {
      return;
    }
    byte[] payload = Arrays.copyOfRange(input, 1, input.length);
    switch ((input[0] & 0xff) % 5) {
      case 0 -> ResponseMetadata.decode(payload);
      case 1 -> DoNotSendCids.decode(payload);
      case 2 -> DedupKey.decode(payload);
      case 3 -> DoNotSendFirstBlocks.decode(payload);
      default -> BlockPrefix.fromBytes(payload);
    }
  }
}
