package io.dt4j.ipld.unixfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The generator reproduces the oracle's inputs (sha256 values from EXPECTED.md). */
class OraclePrngTest {
  @Test
  void reproducesTheOracleFilesByTheirSha256() throws Exception {
    assertThat(sha256Of(262_144))
        .isEqualTo("fca1b1e54fa3a32f1c96b03f3e3368b7dd900cc54b794c2c7b4d0dab309c4d3e");
    assertThat(sha256Of(262_145))
        .isEqualTo("337b5688206fa7a7e32a08d240c820a679b26946fb6c3a3cc4b18e9a87b004e0");
  }

  @Test
  void oddReadSizesGiveTheSameBytes() throws IOException {
    byte[] whole = OraclePrng.bytes(1000);
    byte[] pieces = new byte[1000];
    try (OraclePrng in = new OraclePrng(1000)) {
      int at = 0;
      for (int step = 1; at < 1000; step = step * 3 % 97 + 1) {
        at += in.read(pieces, at, Math.min(step, 1000 - at));
      }
      assertThat(in.read()).isEqualTo(-1);
    }
    assertThat(pieces).isEqualTo(whole);
  }

  private static String sha256Of(long n) throws Exception {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    try (OraclePrng in = new OraclePrng(n)) {
      byte[] buffer = new byte[8192];
      for (int read; (read = in.read(buffer, 0, buffer.length)) > 0; ) {
        digest.update(buffer, 0, read);
      }
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
