package io.dt4j.graphsync.message;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Bad bytes from the network: random noise and mutations of the golden vectors and of random
 * messages give either a message or a {@link MalformedMessageException}, never another exception.
 */
class GraphsyncMessageFuzzProperties {
  private static final List<byte[]> SEEDS = seeds();

  private static List<byte[]> seeds() {
    List<byte[]> seeds = new ArrayList<>();
    for (String vector : GoldenVectors.ALL) {
      seeds.add(GoldenVectors.body(vector));
    }
    Random random = new Random(7);
    for (int i = 0; i < 20; i++) {
      seeds.add(GraphsyncMessageCodec.encode(Messages.random(random)));
    }
    return seeds;
  }

  @Property(tries = 50_000)
  void decoderFailsOnlyWithItsOwnError(@ForAll("inputs") byte[] input) {
    try {
      GraphsyncMessageCodec.decode(input);
    } catch (MalformedMessageException expected) {
      // the only failure allowed
    }
  }

  @Provide
  Arbitrary<byte[]> inputs() {
    return Arbitraries.randomValue(GraphsyncMessageFuzzProperties::input);
  }

  private static byte[] input(Random random) {
    if (random.nextInt(5) == 0) {
      byte[] noise = new byte[random.nextInt(300)];
      random.nextBytes(noise);
      return noise;
    }
    byte[] seed = SEEDS.get(random.nextInt(SEEDS.size()));
    if (seed.length == 0) {
      return seed;
    }
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
