package io.dt4j.reliability.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.MalformedIpldException;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.MethodSource;

/** DAG-CBOR from the network: a node or a {@link MalformedIpldException}. */
@ExtendWith(FuzzedInputs.class)
class DagCborFuzzTest {
  private static final DecoderContract CONTRACT =
      DecoderContract.failingOnlyWith(MalformedIpldException.class);

  @MethodSource("io.dt4j.reliability.fuzz.FuzzSeeds#dagCbor")
  @FuzzTest
  void decoderKeepsItsContract(byte[] input) {
    CONTRACT.check(input, DagCbor::decode);
  }
}
