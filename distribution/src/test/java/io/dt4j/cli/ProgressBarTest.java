package io.dt4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

  private static final long MIB = 1024 * 1024;

  @Test
  void knownTotalShowsCountersBarSpeedPercentAndEta() {
    String line = ProgressBar.format(25 * MIB, 100 * MIB, 5 * MIB);

    assertThat(line)
        .isEqualTo(
            "25.00 MiB / 100.00 MiB [=======>----------------------] 5.00 MiB/s 25.00% ETA 15s");
  }

  @Test
  void unknownTotalShowsCounterAndSpeedWithEtaQuestionMark() {
    assertThat(ProgressBar.format(1536, -1, 512)).isEqualTo("1.50 KiB 512 B/s ETA ?");
    assertThat(ProgressBar.format(0, -1, -1)).isEqualTo("0 B ?/s ETA ?");
  }

  @Test
  void unknownSpeedGivesQuestionMarks() {
    assertThat(ProgressBar.format(0, 10 * MIB, -1)).endsWith("?/s 0.00% ETA ?");
  }

  @Test
  void completeBarIsAllEqualsAndZeroEta() {
    assertThat(ProgressBar.format(10, 10, 1))
        .contains("[" + "=".repeat(30) + "]")
        .endsWith("100.00% ETA 0s");
    assertThat(ProgressBar.format(0, 0, -1)).contains("100.00% ETA 0s");
  }

  @Test
  void barHeadMovesWithTheFraction() {
    assertThat(ProgressBar.bar(0)).isEqualTo("[>" + "-".repeat(29) + "]");
    assertThat(ProgressBar.bar(0.5)).isEqualTo("[" + "=".repeat(15) + ">" + "-".repeat(14) + "]");
  }

  @Test
  void bytesAndDurationsAreHumanized() {
    assertThat(ProgressBar.bytes(0)).isEqualTo("0 B");
    assertThat(ProgressBar.bytes(1023)).isEqualTo("1023 B");
    assertThat(ProgressBar.bytes(1024)).isEqualTo("1.00 KiB");
    assertThat(ProgressBar.bytes(5L * 1024 * MIB)).isEqualTo("5.00 GiB");
    assertThat(ProgressBar.duration(59)).isEqualTo("59s");
    assertThat(ProgressBar.duration(125)).isEqualTo("2m05s");
    assertThat(ProgressBar.duration(3720)).isEqualTo("1h02m");
  }

  @Test
  void progressFalseNeverDraws() {
    assertThat(ProgressBar.shown(false)).isFalse();
  }

  @Test
  void disabledBarCountsButPrintsNothing() throws Exception {
    StringWriter err = new StringWriter();
    ProgressBar bar = new ProgressBar(new PrintWriter(err), 4, false, System::nanoTime);

    try (InputStream in = bar.track(new ByteArrayInputStream(new byte[4]))) {
      in.readAllBytes();
    }
    bar.finish("done");

    assertThat(bar.done()).isEqualTo(4);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void enabledBarRedrawsInPlaceAtMostEveryFifthOfASecond() {
    StringWriter err = new StringWriter();
    AtomicLong clock = new AtomicLong();
    ProgressBar bar = new ProgressBar(new PrintWriter(err), 100, true, clock::get);

    clock.set(1_000_000_000L);
    bar.advance(50);
    clock.addAndGet(1_000_000L);
    bar.advance(10); // too soon: no redraw
    clock.set(2_000_000_000L);
    bar.advance(40);
    bar.finish("summary");

    String[] frames = err.toString().split("\r", -1);
    assertThat(frames).hasSize(4); // "" then three draws
    assertThat(frames[1]).startsWith("50 B / 100 B").contains("50 B/s 50.00% ETA 1s");
    assertThat(frames[3])
        .startsWith("100 B / 100 B")
        .endsWith("ETA 0s" + System.lineSeparator() + "summary" + System.lineSeparator());
  }
}
