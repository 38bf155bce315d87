package io.dt4j.core.messages;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Bad bytes from the network: random inputs and mutations of the golden vectors give either a
 * message or a {@link MalformedMessageException}, never another exception, a hang or a large
 * allocation. 100,000 inputs per decoder.
 */
class MessageDecoderFuzzProperties {
  private static final List<byte[]> SEEDS =
      GoldenVectors.all().stream().map(GoldenVectors.Vector::bytes).toList();

  @Property(tries = 100_000)
  void version11DecoderFailsOnlyWithItsOwnError(@ForAll("inputs") byte[] input) {
    decodeOrMalformed(input, ProtocolVersion.V1_1);
  }

  @Property(tries = 100_000)
  void version10DecoderFailsOnlyWithItsOwnError(@ForAll("inputs") byte[] input) {
    decodeOrMalformed(input, ProtocolVersion.V1_0);
  }

  private static void decodeOrMalformed(byte[] input, ProtocolVersion version) {
    try {
      MessageCodec.decode(input, version);
    } catch (MalformedMessageException expected) {
      // the only failure allowed
    }
  }

  @Provide
  Arbitrary<byte[]> inputs() {
    // one random draw per input, no nested generators: 100k inputs stay cheap to make
    return Arbitraries.randomValue(MessageDecoderFuzzProperties::input);
  }

  private static byte[] input(Random random) {
    if (random.nextInt(5) == 0) {
      byte[] noise = new byte[random.nextInt(300)];
      random.nextBytes(noise);
      return noise;
    }
    byte[] seed = SEEDS.get(random.nextInt(SEEDS.size()));
    int at = random.nextInt(seed.length);
    byte value = (byte) random.nextInt(256);
    switch (random.nextInt(4)) {
      case 0 -> {
        byte[] copy = seed.clone();
        copy[at] = value;
        return copy;
      }
      case 1 -> {
        byte[] copy = seed.clone();
        copy[at] ^= (byte) (1 << (value & 7));
        return copy;
      }
      case 2 -> {
        return Arrays.copyOf(seed, at);
      }
      default -> {
        byte[] longer = new byte[seed.length + 1];
        System.arraycopy(seed, 0, longer, 0, at);
        longer[at] = value;
        System.arraycopy(seed, at, longer, at + 1, seed.length - at);
        return longer;
      }
    }
  }
}
