package io.dt4j.benchmarks.libp2p;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table's arithmetic and verdicts, from made-up rounds: no processes run. */
class ThroughputTableTest {
  private static final long MB = 1_000_000;
  private final Party.Dt4j jdk25 = new Party.Dt4j("25", Path.of("/jdk"), "cp", List.of());
  private final Party.Js js = new Party.Js(Path.of("/js"));

  /** A round of 1000 MB taking {@code seconds}, with the busier process using {@code cpu}. */
  private static Pair.Transfer round(double seconds, double cpu) {
    return new Pair.Transfer(
        1000 * MB,
        (long) (seconds * 1e9),
        Duration.ofMillis((long) (cpu * 1000)),
        Duration.ofMillis((long) (cpu * 500)));
  }

  @Test
  void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    assertThat(ThroughputTable.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
    assertThat(ThroughputTable.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
  }

  @Test
  void rowsShowWhoSendsToWhomAndRatiosCompareWithJsOnTheSameMuxerAndStream() {
    Pair dt4j = new Pair(jdk25, jdk25, "yamux");
    Pair jsToJs = new Pair(js, js, "yamux");
    Pair dt4jDialsJs = new Pair(jdk25, js, "yamux");
    ThroughputTable table = new ThroughputTable();
    for (double seconds : new double[] {1.0, 0.8, 2.0}) {
      table.add(dt4j, Direction.SEND, round(seconds, 0.7)); // median 1000 MB/s
      table.add(jsToJs, Direction.SEND, round(seconds * 4, 2.5)); // median 250 MB/s
    }
    table.add(dt4jDialsJs, Direction.RECEIVE, round(4, 3));

    String printed = print(table);

    assertThat(printed)
        .containsPattern(
            "dt4j@25 +dt4j@25 +dt4j@25 +yamux +sink +1000\\.0 +500\\.0 +1250\\.0 +1428\\.6")
        .containsPattern("js +dt4j@25 +dt4j@25 +yamux +source +250\\.0")
        .containsPattern("yamux +sink +dt4j@25 +1000\\.0 MB/s vs js +250\\.0 MB/s = 4\\.00x +met")
        .doesNotContain("source dt4j@25");
  }

  @Test
  void jdk25BelowSixHundredMegabytesPerSecondFallsShortWhateverTheRatio() {
    Pair dt4j = new Pair(jdk25, jdk25, "mplex");
    Pair jsToJs = new Pair(js, js, "mplex");
    ThroughputTable table = new ThroughputTable();
    table.add(dt4j, Direction.RECEIVE, round(2, 1)); // 500 MB/s
    table.add(jsToJs, Direction.RECEIVE, round(10, 5)); // 100 MB/s

    assertThat(print(table)).containsPattern("= 5\\.00x +SHORT");
  }

  private static String print(ThroughputTable table) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    table.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
