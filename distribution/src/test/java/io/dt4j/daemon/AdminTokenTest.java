package io.dt4j.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminTokenTest {

  @TempDir Path dir;

  @Test
  void firstStartCreatesAnOwnerOnlyFileOf64HexDigits() throws IOException {
    Path file = dir.resolve("token");

    AdminToken token = AdminToken.loadOrCreate(file, new SecureRandom());

    assertThat(token.value()).matches("[0-9a-f]{64}");
    assertThat(Files.readString(file).strip()).isEqualTo(token.value());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void laterStartsReuseTheTokenAndTightenAWidenedFile() throws IOException {
    Path file = dir.resolve("token");
    AdminToken first = AdminToken.loadOrCreate(file, new SecureRandom());
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    AdminToken second = AdminToken.loadOrCreate(file, new SecureRandom());

    assertThat(second.value()).isEqualTo(first.value());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void aTokenFileOpenToOtherUsersIsReportedWithItsModeAndTheFix() throws IOException {
    Path file = dir.resolve("token");
    AdminToken.loadOrCreate(file, new SecureRandom());
    assertThat(AdminToken.exposure(file)).isEmpty();

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));

    assertThat(AdminToken.exposure(file))
        .hasValueSatisfying(
            warning ->
                assertThat(warning)
                    .contains(file.toString(), "mode rw-r-----", "owner-only", "delete the file"));
  }

  @Test
  void matchesOnlyTheExactToken() {
    AdminToken token = AdminToken.loadOrCreate(dir.resolve("token"), new SecureRandom());
    String value = token.value();

    assertThat(token.matches(value)).isTrue();
    assertThat(token.matches(null)).isFalse();
    assertThat(token.matches("")).isFalse();
    assertThat(token.matches(value.substring(0, 63))).isFalse();
    assertThat(token.matches(value + "0")).isFalse();
    assertThat(token.matches(value.toUpperCase(java.util.Locale.ROOT)))
        .isEqualTo(value.equals(value.toUpperCase(java.util.Locale.ROOT)));
  }

  @Test
  void missingTokenFileSaysWhatToDo() {
    Path file = dir.resolve("absent");

    assertThatThrownBy(() -> AdminToken.read(file))
        .isInstanceOf(AdminTokenException.class)
        .hasMessageContaining("no admin token file " + file)
        .hasMessageContaining("--token-file");
  }

  @Test
  void fileWithoutATokenIsRefused() throws IOException {
    Path file = Files.writeString(dir.resolve("token"), "not a token\n");

    assertThatThrownBy(() -> AdminToken.read(file))
        .isInstanceOf(AdminTokenException.class)
        .hasMessageContaining("does not hold a token");
  }
}
