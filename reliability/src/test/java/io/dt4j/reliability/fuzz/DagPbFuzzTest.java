package io.dt4j.reliability.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.dagpb.DagPb;
import io.dt4j.ipld.dagpb.PbNode;
import io.dt4j.ipld.unixfs.UnixFsData;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.MethodSource;

/** dag-pb blocks and the UnixFS data inside them: a node or a {@link MalformedIpldException}. */
@ExtendWith(FuzzedInputs.class)
class DagPbFuzzTest {
  private static final DecoderContract CONTRACT =
      DecoderContract.failingOnlyWith(MalformedIpldException.class);

  @MethodSource("io.dt4j.reliability.fuzz.FuzzSeeds#dagPb")
  @FuzzTest
  void decoderKeepsItsContract(byte[] input) {
    CONTRACT.check(input, DagPbFuzzTest::decode);
  }

  private static void decode(byte[] bytes) {
    PbNode node = DagPb.decode(bytes);
    node.data().ifPresent(UnixFsData::decode);
  }
}
