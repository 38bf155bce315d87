package io.dt4j.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DataSizeTest {

  @ParameterizedTest(name = "{0} is {1} bytes")
  @CsvSource({
    "4096, 4096",
    "1B, 1",
    "256MiB, 268435456",
    "1GiB, 1073741824",
    "10MB, 10000000",
    "1.5KiB, 1536",
    "1 GiB, 1073741824",
    "8mib, 8388608",
    "2k, 2048",
    "3M, 3145728",
    "1TiB, 1099511627776",
    "0.5kb, 500"
  })
  void sizesAsPeopleTypeThemAreRead(String text, long bytes) {
    assertThat(DataSize.parse(text)).isEqualTo(bytes);
  }

  @ParameterizedTest(name = "''{0}'' is refused")
  @ValueSource(
      strings = {"", "lots", "-1MiB", "MiB", "10XB", "1,5MiB", "0", "0MiB", "1.5B", "2TiB"})
  void whatIsNotAPositiveWholeSizeUpToOneTebibyteIsRefused(String text) {
    assertThatThrownBy(() -> DataSize.parse(text))
        .isInstanceOf(InvalidSizeException.class)
        .hasMessageStartingWith("bad size '" + text + "': ")
        .hasMessageEndingWith("(e.g. 256MiB, 1GiB, 10MB or 4096)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"10XB", "1PB"})
  void anUnknownUnitIsNamedWithTheKnownOnes(String text) {
    assertThatThrownBy(() -> DataSize.parse(text))
        .hasMessageContaining("unknown unit")
        .hasMessageContaining("MiB");
  }
}
