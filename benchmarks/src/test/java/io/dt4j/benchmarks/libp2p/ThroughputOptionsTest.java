package io.dt4j.benchmarks.libp2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The runner's command line and the pairs it asks for. */
class ThroughputOptionsTest {
  private static final String JAVA_HOME = System.getProperty("java.home");

  @Test
  void defaultsAreOneGibibyteTransfersThreeWarmUpAndFiveMeasuredRoundsOnBothMuxers() {
    ThroughputOptions options = ThroughputOptions.parse(new String[] {"--java", "17=" + JAVA_HOME});
    assertThat(options.bytes()).isEqualTo(1L << 30);
    assertThat(options.warmupRounds()).isEqualTo(3);
    assertThat(options.rounds()).isEqualTo(5);
    assertThat(options.muxers()).containsExactly("yamux", "mplex");
    assertThat(options.js()).isEmpty();
  }

  @Test
  void withoutJsOnlyDt4jPairsRunOnePerJdkAndMuxer() {
    ThroughputOptions options =
        ThroughputOptions.parse(
            new String[] {"--java", "17=" + JAVA_HOME, "--java", "25=" + JAVA_HOME});
    List<String> pairs =
        options.pairs().stream()
            .map(p -> p.dialer().label() + ">" + p.listener().label() + " " + p.muxer())
            .toList();
    assertThat(pairs)
        .containsExactly(
            "dt4j@17>dt4j@17 yamux",
            "dt4j@25>dt4j@25 yamux",
            "dt4j@17>dt4j@17 mplex",
            "dt4j@25>dt4j@25 mplex");
    assertThat(options.mixed().version()).isEqualTo("25");
  }

  @Test
  void mistakesAreNamed() {
    assertThatThrownBy(() -> ThroughputOptions.parse(new String[] {}))
        .hasMessageContaining("--java");
    assertThatThrownBy(() -> ThroughputOptions.parse(new String[] {"--java", "17=/nowhere"}))
        .hasMessageContaining("bin/java");
    assertThatThrownBy(
            () ->
                ThroughputOptions.parse(
                    new String[] {"--java", "17=" + JAVA_HOME, "--muxers", "quic"}))
        .hasMessageContaining("unknown muxer quic");
    assertThatThrownBy(
            () -> ThroughputOptions.parse(new String[] {"--java", "17=" + JAVA_HOME, "--bytes"}))
        .hasMessageContaining("missing value for --bytes");
  }
}
