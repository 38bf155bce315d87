package io.dt4j.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table and the JSON of a made-up run: no processes run. */
class ReportTest {
  private static final long GIB4 = 4L << 30;

  private static Figure figure(String name, String runtime, String unit, double... samples) {
    return new Figure(
        "g",
        name,
        runtime,
        unit,
        java.util.Arrays.stream(samples).boxed().toList(),
        Optional.empty());
  }

  private static RunReport report(List<Figure> figures) {
    Verdicts verdicts = new Verdicts(figures, List.of("25"), GIB4, 1000);
    return new RunReport(
        "2026-11-25T21:00:00Z",
        "full",
        Map.of("cores", "2"),
        Map.of("25", "25.0.3"),
        figures,
        verdicts.ratios(),
        verdicts.goals());
  }

  private static List<Figure> aGoodRun() {
    return List.of(
        figure(FigureNames.DT4J_STREAM, "25", "MB/s", 900, 1000, 1100),
        figure(FigureNames.JS_STREAM, "node", "MB/s", 250, 300),
        figure("pull 4 GiB", "25", "MB/s", 700, 800, 900),
        figure(FigureNames.receiverRss(true, GIB4), "25", "MB", 250, 280),
        figure(FigureNames.receiverRss(false, GIB4), "25", "MB", 200),
        figure(FigureNames.PROVIDER_RSS, "25", "MB", 290),
        figure(FigureNames.CONCURRENT_ERRORS, "25", "count", 0),
        figure(FigureNames.IMPORT, "25", "MB/s", 400),
        figure(FigureNames.IMPORT, "node", "MB/s", 200));
  }

  private static String print(RunReport report) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ReportTable.print(report, new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void rowsShowMinMedianMaxAndTheSamples() {
    String row = ReportTable.row(figure("pull 4 GiB", "25", "MB/s", 812.4, 650.25, 1234.5));

    assertThat(row).containsPattern("pull 4 GiB +25 +MB/s +650 +812 +1235 +812 650 1235");
  }

  @Test
  void aFailedFigureShowsItsReasonAndWhatItGotBefore() {
    Figure partly =
        new Figure(
            "transfer",
            "push 4 GiB",
            "17",
            "MB/s",
            List.of(321.0),
            Optional.of("timed out after 600 s"));
    Figure none =
        new Figure(
            "stream", FigureNames.JS_STREAM, "node", "MB/s", List.of(), Optional.of("no js peer"));

    assertThat(ReportTable.row(partly))
        .containsPattern(
            "push 4 GiB +17 +MB/s +321 +321 +321 +FAILED: timed out after 600 s \\(got 321\\)");
    assertThat(ReportTable.row(none)).containsPattern("node +MB/s +- +- +- +FAILED: no js peer");
  }

  @Test
  void numbersKeepThreeSignificantDigits() {
    assertThat(ReportTable.number(1234.56)).isEqualTo("1235");
    assertThat(ReportTable.number(56.78)).isEqualTo("56.8");
    assertThat(ReportTable.number(0.914)).isEqualTo("0.91");
  }

  @Test
  void ratiosAndGoalsOfAGoodRunAreMet() {
    String printed = print(report(aGoodRun()));

    assertThat(printed)
        .containsPattern("pull 4 GiB / dt4j stream, yamux +JDK 25 +0\\.80x")
        .containsPattern("dt4j stream, yamux / js +JDK 25 +3\\.64x")
        .containsPattern("import dt4j / js +JDK 25 +2\\.00x")
        .containsPattern("met +pull 4 GiB >= 500 MB/s on JDK 25 +800\\.00 MB/s")
        .containsPattern("met +peak RSS <= 300 MB at 4 GiB on JDK 25 +290 MB")
        .containsPattern("met +1000 concurrent channels without error")
        .doesNotContain("SHORT")
        .doesNotContain("failed figures");
  }

  @Test
  void aFailedFigureMakesItsRatiosAndGoalsNotApplicableAndIsListedAtTheEnd() {
    List<Figure> figures = new java.util.ArrayList<>(aGoodRun());
    figures.set(
        2,
        new Figure(
            "transfer",
            "pull 4 GiB",
            "25",
            "MB/s",
            List.of(),
            Optional.of("daemon on /x did not start: boom")));

    String printed = print(report(figures));

    assertThat(printed)
        .containsPattern("pull 4 GiB / dt4j stream, yamux +JDK 25 +n/a")
        .containsPattern("n/a +pull 4 GiB >= 500 MB/s on JDK 25 +not measured")
        .contains("failed figures:\n  pull 4 GiB on 25: daemon on /x did not start: boom");
  }

  @Test
  void slowPullTooMuchMemoryAndErrorsFallShort() {
    List<Figure> figures = new java.util.ArrayList<>(aGoodRun());
    figures.set(2, figure("pull 4 GiB", "25", "MB/s", 300));
    figures.set(5, figure(FigureNames.PROVIDER_RSS, "25", "MB", 512));
    figures.set(6, figure(FigureNames.CONCURRENT_ERRORS, "25", "count", 3));

    String printed = print(report(figures));

    assertThat(printed)
        .containsPattern("SHORT +pull 4 GiB >= 500 MB/s on JDK 25 +300\\.00 MB/s")
        .containsPattern("SHORT +pull 4 GiB / dt4j stream, yamux >= 0\\.8x on JDK 25 +0\\.30x")
        .containsPattern("SHORT +peak RSS <= 300 MB at 4 GiB on JDK 25 +512 MB")
        .containsPattern("SHORT +1000 concurrent channels without error +JDK 25: 3 not Completed");
  }

  @Test
  void jsonHoldsSamplesStatisticsFailuresRatiosAndGoals(@TempDir Path dir) throws Exception {
    List<Figure> figures = new java.util.ArrayList<>(aGoodRun());
    figures.add(new Figure("crypto", "SHA-256", "17", "MB/s", List.of(), Optional.of("exited 1")));
    Path file = dir.resolve("results/run.json");

    ReportJson.write(report(figures), file);

    JsonNode json = AdminApi.JSON.readTree(Files.readString(file));
    JsonNode stream = json.get("figures").get(0);
    assertThat(stream.get("samples")).hasSize(3);
    assertThat(stream.get("median").asDouble()).isEqualTo(1000.0);
    assertThat(stream.get("failure").isNull()).isTrue();
    JsonNode failed = json.get("figures").get(figures.size() - 1);
    assertThat(failed.get("failure").asText()).isEqualTo("exited 1");
    assertThat(failed.get("median").isNull()).isTrue();
    assertThat(json.get("ratios").get(0).get("value").asDouble()).isEqualTo(0.8);
    assertThat(json.get("goals").get(0).get("met").asBoolean()).isTrue();
    assertThat(json.get("mode").asText()).isEqualTo("full");
  }
}
