package io.dt4j.reliability.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Multihash;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.provider.MethodSource;

/** CIDs and multihashes in binary and text form: a value or a {@link MalformedIpldException}. */
class CidFuzzTest {
  private static final DecoderContract CONTRACT =
      DecoderContract.failingOnlyWith(MalformedIpldException.class);

  @MethodSource("io.dt4j.reliability.fuzz.FuzzSeeds#cids")
  @FuzzTest
  void decoderKeepsItsContract(byte[] input) {
    check(input);
  }

  /**
   * Runs the decoder on one input and checks its contract (also for {@link
   * NetworkDecodersFuzzTest}).
   */
  static void check(byte[] input) {
    CONTRACT.check(input, Cid::fromBytes);
    CONTRACT.check(input, Multihash::fromBytes);
    CONTRACT.check(input, bytes -> Cid.parse(new String(bytes, StandardCharsets.ISO_8859_1)));
  }
}
