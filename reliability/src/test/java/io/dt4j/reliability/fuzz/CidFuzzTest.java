package io.dt4j.reliability.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Multihash;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.MethodSource;

/** CIDs and multihashes in binary and text form: a value or a {@link MalformedIpldException}. */
@ExtendWith(FuzzedInputs.class)
class CidFuzzTest {
  private static final DecoderContract CONTRACT =
      DecoderContract.failingOnlyWith(MalformedIpldException.class);

  @MethodSource("io.dt4j.reliability.fuzz.FuzzSeeds#cids")
  @FuzzTest
  void decoderKeepsItsContract(byte[] input) {
    CONTRACT.check(
        input,
        Cid::fromBytes,
        Multihash::fromBytes,
        bytes -> Cid.parse(new String(bytes, StandardCharsets.ISO_8859_1)));
  }
}
