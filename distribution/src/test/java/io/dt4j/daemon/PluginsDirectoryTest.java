package io.dt4j.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginsDirectoryTest {
  @TempDir Path dir;

  @Test
  void anOwnerOnlyFolderGivesNoWarning() throws IOException {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));

    assertThat(PluginsDirectory.writableByOthers(dir)).isEmpty();
  }

  @Test
  void aFolderAllUsersMayWriteIsReportedWithTheFix() throws IOException {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xrwx"));

    assertThat(PluginsDirectory.writableByOthers(dir))
        .hasValueSatisfying(
            warning ->
                assertThat(warning)
                    .contains(dir.toString(), "all users", "rwxr-xrwx", "chmod go-w " + dir)
                    .doesNotContain("its group"));
  }

  @Test
  void aGroupWritableFolderIsReportedToo() throws IOException {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxr-x"));

    assertThat(PluginsDirectory.writableByOthers(dir))
        .hasValueSatisfying(warning -> assertThat(warning).contains("its group"));
  }
}
