package io.dt4j.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class Dt4jHomeTest {

  private static final Path OPTION = Path.of("/opt/option");

  @Test
  void optionBeatsPropertyBeatsEnvironmentBeatsUserHome() {
    assertThat(Dt4jHome.choose(OPTION, "/p", "/e", "/u").home()).isEqualTo(OPTION);
    assertThat(Dt4jHome.choose(null, "/p", "/e", "/u").home()).isEqualTo(Path.of("/p"));
    assertThat(Dt4jHome.choose(null, null, "/e", "/u").home()).isEqualTo(Path.of("/e"));
    assertThat(Dt4jHome.choose(null, null, null, "/u").home()).isEqualTo(Path.of("/u/.dt4j"));
  }

  @Test
  void blankPropertyAndEnvironmentCountAsNotSet() {
    assertThat(Dt4jHome.choose(null, " ", "", "/u").home()).isEqualTo(Path.of("/u/.dt4j"));
  }

  @Test
  void pluginsDirIsUnderHome() {
    assertThat(Dt4jHome.choose(OPTION, null, null, "/u").pluginsDir())
        .isEqualTo(Path.of("/opt/option/plugins"));
  }

  @Test
  void relativeHomeBecomesAbsolute() {
    assertThat(Dt4jHome.choose(Path.of("rel"), null, null, "/u").home()).isAbsolute();
  }
}
