package io.dt4j.core.manager.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MonitorConfigTest {

  @Test
  void lotusDefaultsAreTheReferenceValuesPlusAKibPerMinute() {
    MonitorConfig config = MonitorConfig.lotusDefaults();

    assertThat(config.acceptTimeout()).isZero();
    assertThat(config.completeTimeout()).isZero();
    assertThat(config.restartDebounce()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.restartBackoff()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.maxConsecutiveRestarts()).isEqualTo(3);
    assertThat(config.dataRateCheckInterval()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.minBytesPerInterval()).isEqualTo(1024);
    assertThat(config.checksDataRate()).isTrue();
  }

  @Test
  void aMissingRestartCallbackDoesNothing() {
    MonitorConfig config = MonitorConfig.builder().onRestartComplete(null).build();

    config.onRestartComplete().accept(MonitorFixtures.pull(1).channelId());
    assertThat(config.onRestartComplete()).isNotNull();
  }

  @Test
  void theDataRateCheckIsOffWhenBothOfItsValuesAreZero() {
    MonitorConfig config = MonitorConfig.builder().noDataRateCheck().build();

    assertThat(config.checksDataRate()).isFalse();
  }

  @Test
  void toBuilderKeepsEveryValue() {
    MonitorConfig config =
        MonitorConfig.builder()
            .acceptTimeout(Duration.ofSeconds(1))
            .restartDebounce(Duration.ofSeconds(2))
            .restartBackoff(Duration.ofSeconds(3))
            .maxConsecutiveRestarts(4)
            .completeTimeout(Duration.ofSeconds(5))
            .dataRate(Duration.ofSeconds(6), 7)
            .build();

    assertThat(config.toBuilder().build()).isEqualTo(config);
  }

  static Stream<Arguments> invalidValues() {
    Duration minus = Duration.ofSeconds(-1);
    return Stream.of(
        invalid(b -> b.acceptTimeout(minus), "acceptTimeout is -1s but must be >= 0"),
        invalid(b -> b.restartDebounce(minus), "restartDebounce is -1s but must be >= 0"),
        invalid(b -> b.restartBackoff(Duration.ofMillis(-500)), "restartBackoff is -500ms"),
        invalid(b -> b.completeTimeout(minus), "completeTimeout is -1s but must be >= 0"),
        invalid(b -> b.maxConsecutiveRestarts(0), "maxConsecutiveRestarts is 0 but must be > 0"),
        invalid(b -> b.maxConsecutiveRestarts(-2), "maxConsecutiveRestarts is -2"),
        invalid(b -> b.dataRate(minus, 1), "dataRateCheckInterval is -1s but must be >= 0"),
        invalid(b -> b.dataRate(Duration.ofSeconds(5), -1), "minBytesPerInterval is -1"),
        invalid(
            b -> b.dataRate(Duration.ZERO, 1),
            "dataRateCheckInterval is 0s and minBytesPerInterval is 1 but both must be > 0"),
        invalid(
            b -> b.dataRate(Duration.ofMinutes(1), 0),
            "dataRateCheckInterval is 1m0s and minBytesPerInterval is 0"));
  }

  @ParameterizedTest
  @MethodSource("invalidValues")
  void anInvalidValueIsRefusedNamingTheFieldAndTheValue(
      UnaryOperator<MonitorConfig.Builder> change, String expected) {
    MonitorConfig.Builder builder = change.apply(MonitorConfig.builder());

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("channel monitor config ")
        .hasMessageContaining(expected);
  }

  @Test
  void aMissingDurationIsRefusedNamingTheField() {
    assertThatThrownBy(() -> MonitorConfig.builder().restartBackoff(null).build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("restartBackoff");
  }

  private static Arguments invalid(UnaryOperator<MonitorConfig.Builder> change, String message) {
    return Arguments.of(change, message);
  }
}
