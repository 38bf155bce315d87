package io.dt4j.interop;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The oracle's deterministic test inputs (EXPECTED.md, {@code gen-prng.mjs}): SHA-256(SEED ‖
 * u64be(i)) for i = 0, 1, 2… concatenated and truncated, SEED = {@code ipld-oracle}. A shorter file
 * is a prefix of a longer one.
 */
final class OracleFiles {
  private static final byte[] SEED = "ipld-oracle".getBytes(StandardCharsets.US_ASCII);

  private OracleFiles() {}

  static Path prng(Path file, long size) throws IOException {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      long written = 0;
      for (long i = 0; written < size; i++) {
        sha256.update(SEED);
        sha256.update(ByteBuffer.allocate(Long.BYTES).putLong(i).array());
        byte[] digest = sha256.digest();
        int n = (int) Math.min(digest.length, size - written);
        out.write(digest, 0, n);
        written += n;
      }
    }
    return file;
  }
}
