package io.dt4j.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a step's failure or time-out becomes failed figures, and the parsers of the steps. */
class StepTest {
  @TempDir Path dir;

  private SuiteRun suite() throws Exception {
    Path launcher = Files.createDirectories(dir.resolve("dist/bin")).resolve("dt4j");
    Files.writeString(launcher, "#!/bin/sh\n");
    Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
    SuiteOptions options =
        SuiteOptions.parse(
            new String[] {
              "--quick",
              "--java",
              "17=" + System.getProperty("java.home"),
              "--distribution",
              dir.resolve("dist").toString(),
              "--work",
              dir.resolve("work").toString()
            });
    return new SuiteRun(
        options, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  @Test
  void aStepThatThrowsFailsItsMissingFiguresWithTheReasonAndKeepsTheComplete() throws Exception {
    SuiteRun suite = suite();

    suite.step(
        "transfer",
        "test",
        Duration.ofSeconds(10),
        recorder -> {
          recorder.expect("pull 1 GiB", "17", "MB/s", 2);
          recorder.expect("push 1 GiB", "17", "MB/s", 2);
          recorder.add("pull 1 GiB", "17", "MB/s", 500);
          recorder.add("pull 1 GiB", "17", "MB/s", 600);
          recorder.add("push 1 GiB", "17", "MB/s", 400);
          throw new StepException("push 1 GiB ended Failed: data limit");
        });

    List<Figure> figures = suite.figures();
    assertThat(figures).hasSize(2);
    assertThat(figures.get(0).ok()).isTrue();
    assertThat(figures.get(0).median()).isEqualTo(550.0);
    assertThat(figures.get(1).samples()).containsExactly(400.0);
    assertThat(figures.get(1).failure()).contains("push 1 GiB ended Failed: data limit");
  }

  @Test
  void aStepThatFailsAfterMeasuringEverythingFailsAllItsFigures() throws Exception {
    SuiteRun suite = suite();

    suite.step(
        "transfer",
        "test",
        Duration.ofSeconds(10),
        recorder -> {
          recorder.add("pull 1 GiB", "17", "MB/s", 500);
          throw new IllegalStateException("export differs");
        });

    assertThat(suite.figures())
        .singleElement()
        .satisfies(f -> assertThat(f.failure()).contains("IllegalStateException: export differs"));
  }

  @Test
  void aStepThatHangsTimesOutAndTheRunGoesOn() throws Exception {
    SuiteRun suite = suite();
    CountDownLatch never = new CountDownLatch(1);

    suite.step(
        "stream",
        "hangs",
        Duration.ofMillis(300),
        recorder -> {
          recorder.expect(FigureNames.DT4J_STREAM, "17", "MB/s", 3);
          never.await();
        });
    suite.step(
        "crypto",
        "works",
        Duration.ofSeconds(10),
        recorder -> recorder.add("SHA-256", "17", "MB/s", 700));

    List<Figure> figures = suite.figures();
    assertThat(figures.get(0).failure()).contains("timed out after 0 s");
    assertThat(figures.get(1).ok()).isTrue();
  }

  @Test
  void opensslSpeedIsReadFromItsMachineReadableLine() throws Exception {
    List<String> out =
        List.of(
            "+DT:ChaCha20-Poly1305:1:65536",
            "+R:4819:ChaCha20-Poly1305:0.08",
            "+H:65536",
            "+F:25:ChaCha20-Poly1305:3947724800.00");

    assertThat(CryptoStep.parseSpeed(out)).isEqualTo(3947724800.0);
  }

  @Test
  void probeLinesRoundTrip() {
    List<Probe.Line> lines =
        Probe.parse(
            List.of(
                Probe.figure("SHA-256", "MB/s", 612.5), Probe.info("root", "bafy"), "WARNING: x"));

    assertThat(lines).hasSize(2);
    assertThat(lines.get(0).value()).isEqualTo(612.5);
    assertThat(lines.get(1).text()).isEqualTo("bafy");
  }

  @Test
  void percentilesAreNearestRank() {
    List<Double> sorted =
        java.util.stream.IntStream.rangeClosed(1, 200).mapToObj(i -> (double) i).toList();

    assertThat(ConcurrentStep.percentile(sorted, 50)).isEqualTo(100.0);
    assertThat(ConcurrentStep.percentile(sorted, 99)).isEqualTo(198.0);
    assertThat(ConcurrentStep.percentile(List.of(7.0), 99)).isEqualTo(7.0);
  }

  @Test
  void quickModeIsSmallerThanTheFullRun() throws Exception {
    SuiteOptions quick = suiteOptions("--quick");
    SuiteOptions full = suiteOptions();

    assertThat(quick.sizes()).containsExactly(64L << 20);
    assertThat(full.sizes()).containsExactly(1L << 30, 4L << 30);
    assertThat(full.concurrentPulls()).isEqualTo(1000);
    assertThat(quick.repeats()).isLessThan(full.repeats());
  }

  private SuiteOptions suiteOptions(String... extra) throws Exception {
    suite();
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "--java",
                "17=" + System.getProperty("java.home"),
                "--distribution",
                dir.resolve("dist").toString()));
    args.addAll(List.of(extra));
    return SuiteOptions.parse(args.toArray(String[]::new));
  }
}
