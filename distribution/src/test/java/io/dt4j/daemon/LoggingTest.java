package io.dt4j.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoggingTest {

  @Test
  void plainLevelSetsTheRoot() {
    assertThat(Logging.parse("info")).isEqualTo(new Logging.Levels(Optional.of("INFO"), Map.of()));
  }

  @Test
  void goLogSpecMapsSubsystemsToDt4jLoggers() {
    Logging.Levels levels = Logging.parse("error,dt-impl=debug,io.dt4j.libp2p=warning");

    assertThat(levels.root()).contains("ERROR");
    assertThat(levels.loggers())
        .containsEntry("io.dt4j.core.manager", "DEBUG")
        .containsEntry("io.dt4j.libp2p", "WARN");
  }

  @Test
  void goLogOnlyLevelsMapToTheClosest() {
    assertThat(Logging.parse("fatal").root()).contains("ERROR");
  }

  @Test
  void unknownLevelOrFormatIsRefused() {
    assertThatThrownBy(() -> Logging.parse("loud"))
        .hasMessageContaining("unknown log level 'loud'");
    assertThatThrownBy(() -> Logging.format("xml"))
        .hasMessageContaining("unknown log format 'xml'");
    assertThat(Logging.format("nocolor")).isEqualTo("text");
    assertThat(Logging.format("JSON")).isEqualTo("json");
  }
}
