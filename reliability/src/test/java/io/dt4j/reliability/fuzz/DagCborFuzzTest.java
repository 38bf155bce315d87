package io.dt4j.reliability.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.MalformedIpldException;
import org.junit.jupiter.params.provider.MethodSource;

/** DAG-CBOR from the network: a node or a {@link MalformedIpldException}. */
class DagCborFuzzTest {
  private static final DecoderContract CONTRACT =
      DecoderContract.failingOnlyWith(MalformedIpldException.class);

  @MethodSource("io.dt4j.reliability.fuzz.FuzzSeeds#dagCbor")
  @FuzzTest
  void decoderKeepsItsContract(byte[] input) {
    check(input);
  }

  /**
   * Runs the decoder on one input and checks its contract (also for {@link
   * NetworkDecodersFuzzTest}).
   */
  static void check(byte[] input) {
    CONTRACT.check(input, DagCbor::decode);
  }
}
