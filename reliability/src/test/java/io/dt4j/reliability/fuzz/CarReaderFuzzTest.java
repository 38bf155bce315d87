package io.dt4j.reliability.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.dt4j.ipld.car.CarFormatException;
import io.dt4j.ipld.car.CarReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CAR files (imported from peers' exports): blocks, or a {@link CarFormatException}; an {@link
 * UnsupportedOperationException} for a hash function dt4j cannot verify.
 */
@ExtendWith(FuzzedInputs.class)
class CarReaderFuzzTest {
  private static final DecoderContract CONTRACT =
      DecoderContract.failingOnlyWith(
          CarFormatException.class, UnsupportedOperationException.class);

  @MethodSource("io.dt4j.reliability.fuzz.FuzzSeeds#car")
  @FuzzTest
  void decoderKeepsItsContract(byte[] input) {
    CONTRACT.check(input, CarReaderFuzzTest::readAll);
  }

  private static void readAll(byte[] bytes) throws IOException {
    try (CarReader reader = CarReader.open(new ByteArrayInputStream(bytes))) {
      while (reader.next().isPresent()) {
        // every block is read and, by default, verified against its CID
      }
    }
  }
}
