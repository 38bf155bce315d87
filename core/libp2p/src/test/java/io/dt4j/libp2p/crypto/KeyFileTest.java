package io.dt4j.libp2p.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {
  @TempDir Path dir;

  @Test
  void savedKeyLoadsBackWithOwnerOnlyPermissions() throws Exception {
    Path file = dir.resolve("sub/identity.key");
    PrivKey key = Ed25519PrivKey.generate(new SecureRandom());
    KeyFile.save(file, key);

    assertThat(Files.readAllBytes(file)).isEqualTo(key.toProtobuf());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(KeyFile.load(file).peerId()).isEqualTo(key.peerId());
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void loadOrGenerateCreatesOnceThenKeepsTheIdentity() throws Exception {
    Path file = dir.resolve("identity.key");
    PrivKey first = KeyFile.loadOrGenerate(file, new SecureRandom());
    PrivKey second = KeyFile.loadOrGenerate(file, new SecureRandom());
    assertThat(second.peerId()).isEqualTo(first.peerId());
  }

  @Test
  void corruptFileFailsWithAClearMessage() throws Exception {
    Path file = dir.resolve("identity.key");
    Files.write(file, new byte[] {0x08, 0x01, 0x12, 0x40, 1, 2, 3});
    assertThatThrownBy(() -> KeyFile.load(file))
        .isInstanceOf(KeyFileException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("is corrupt (7 bytes")
        .hasMessageContaining("delete it to create a new identity");
  }

  @Test
  void missingFileSaysSo() {
    Path file = dir.resolve("nope.key");
    assertThatThrownBy(() -> KeyFile.load(file))
        .isInstanceOf(KeyFileException.class)
        .hasMessageContaining("does not exist");
  }
}
