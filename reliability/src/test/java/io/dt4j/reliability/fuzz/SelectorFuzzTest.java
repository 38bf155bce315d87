package io.dt4j.reliability.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.selector.InvalidSelectorException;
import io.dt4j.ipld.selector.SelectorParser;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Selectors from a peer's request: DAG-CBOR, then the selector parser; a selector, a {@link
 * MalformedIpldException} or an {@link InvalidSelectorException}.
 */
@ExtendWith(FuzzedInputs.class)
class SelectorFuzzTest {
  private static final DecoderContract CONTRACT =
      DecoderContract.failingOnlyWith(MalformedIpldException.class, InvalidSelectorException.class);

  @MethodSource("io.dt4j.reliability.fuzz.FuzzSeeds#selectors")
  @FuzzTest
  void decoderKeepsItsContract(byte[] input) {
    CONTRACT.check(input, bytes -> SelectorParser.parse(DagCbor.decode(bytes)));
  }
}
