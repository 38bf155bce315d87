package io.dt4j.reliability.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * All network decoders behind one fuzz target: the first byte picks the decoder, the rest is its
 * input. Jazzer fuzzes one target per JVM and its start-up costs more than 100k inputs of most
 * decoders, so the build fuzzes this one (one JVM, {@code fuzz.ci.executions} inputs in all, the
 * fuzzer steering them towards the decoders where it still finds new code) while {@code
 * -Pfuzz-long} fuzzes each decoder's own class. Inputs per decoder and the time they took are
 * written to {@code target/fuzz-report.txt}. A finding saved under this class's {@code Inputs}
 * folder is moved, without its first byte, to the decoder's own folder once fixed.
 */
class NetworkDecodersFuzzTest {
  private record Target(String name, Consumer<byte[]> check, Seeds seeds) {}

  @FunctionalInterface
  private interface Seeds {
    Stream<byte[]> get() throws IOException;
  }

  private static final List<Target> TARGETS =
      List.of(
          new Target("dag-cbor", DagCborFuzzTest::check, FuzzSeeds::dagCbor),
          new Target("selector", SelectorFuzzTest::check, FuzzSeeds::selectors),
          new Target("dag-pb+unixfs", DagPbFuzzTest::check, FuzzSeeds::dagPb),
          new Target("cid+multihash", CidFuzzTest::check, FuzzSeeds::cids),
          new Target("car", CarReaderFuzzTest::check, FuzzSeeds::car),
          new Target("dt-message", TransferMessageFuzzTest::check, FuzzSeeds::transferMessages),
          new Target("gs-message", GraphsyncMessageFuzzTest::check, FuzzSeeds::graphsyncMessages),
          new Target(
              "gs-extension", GraphsyncExtensionsFuzzTest::check, FuzzSeeds::graphsyncExtensions),
          new Target("multistream", MultistreamFuzzTest::check, FuzzSeeds::multistream),
          new Target("noise", NoiseFuzzTest::check, FuzzSeeds::noise),
          new Target("yamux", YamuxFuzzTest::check, FuzzSeeds::yamux),
          new Target("mplex", MplexFuzzTest::check, FuzzSeeds::mplex),
          new Target("identify+multiaddr", IdentifyFuzzTest::check, FuzzSeeds::identify));

  private static final long[] INPUTS = new long[TARGETS.size()];
  private static final long[] NANOS = new long[TARGETS.size()];

  static Stream<byte[]> seeds() {
    return IntStream.range(0, TARGETS.size()).boxed().flatMap(NetworkDecodersFuzzTest::seedsOf);
  }

  private static Stream<byte[]> seedsOf(int index) {
    try {
      return TARGETS.get(index).seeds().get().map(seed -> prefixed(index, seed));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @MethodSource("seeds")
  @FuzzTest
  void everyDecoderKeepsItsContract(byte[] input) {
    if (input.length == 0) {
      return;
    }
    int index = (input[0] & 0xff) % TARGETS.size();
    long start = System.nanoTime();
    TARGETS.get(index).check().accept(Arrays.copyOfRange(input, 1, input.length));
    NANOS[index] += System.nanoTime() - start;
    INPUTS[index]++;
  }

  @AfterAll
  static void report() throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(String.format("%-20s %10s %10s", "decoder", "inputs", "seconds"));
    for (int i = 0; i < TARGETS.size(); i++) {
      lines.add(
          String.format("%-20s %10d %10.1f", TARGETS.get(i).name(), INPUTS[i], NANOS[i] / 1e9));
    }
    Path report = Path.of("target", "fuzz-report.txt");
    Files.createDirectories(report.getParent());
    Files.write(report, lines);
    lines.forEach(System.out::println);
  }

  private static byte[] prefixed(int index, byte[] seed) {
    byte[] input = new byte[seed.length + 1];
    input[0] = (byte) index;
    System.arraycopy(seed, 0, input, 1, seed.length);
    return input;
  }
}
