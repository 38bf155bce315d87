package io.dt4j.core.manager.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoDurationTest {

  @ParameterizedTest(name = "{0} ns -> {1}")
  @CsvSource({
    "0, 0s",
    "1, 1ns",
    "999, 999ns",
    "1000, 1µs",
    "1500, 1.5µs",
    "1000000, 1ms",
    "500000000, 500ms",
    "1000500, 1.0005ms",
    "1000000000, 1s",
    "1500000000, 1.5s",
    "10000000000, 10s",
    "60000000000, 1m0s",
    "90000000000, 1m30s",
    "3600000000000, 1h0m0s",
    "3723500000000, 1h2m3.5s",
    "-1000000000, -1s",
    "-1500, -1.5µs",
    "9223372036854775807, 2562047h47m16.854775807s",
    "-9223372036854775808, -2562047h47m16.854775808s",
  })
  void formatsLikeGosDurationString(long nanos, String expected) {
    assertThat(GoDuration.format(Duration.ofNanos(nanos))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} days -> {1}")
  @CsvSource({"200000, 2562047h47m16.854775807s", "-200000, -2562047h47m16.854775808s"})
  void durationsBeyondGosRangeSaturate(long days, String expected) {
    assertThat(GoDuration.format(Duration.ofDays(days))).isEqualTo(expected);
  }
}
