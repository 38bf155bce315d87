package io.dt4j.ipld.unixfs;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The inputs the reference CIDs were computed for: the oracle's t/ files (empty.bin, one.bin,
 * hello.txt, gen-prng.mjs output) and zero-filled files ({@code head -c N /dev/zero}).
 */
final class ReferenceInputs {
  private ReferenceInputs() {}

  /** Opens "empty", "a", "hello" ("hello world\n"), "prng:N" or "zeros:N". */
  static InputStream open(String spec) {
    if (spec.equals("empty")) {
      return new ByteArrayInputStream(new byte[0]);
    } else if (spec.equals("a")) {
      return new ByteArrayInputStream(new byte[] {'a'});
    } else if (spec.equals("hello")) {
      return new ByteArrayInputStream("hello world\n".getBytes(StandardCharsets.US_ASCII));
    } else if (spec.startsWith("prng:")) {
      return new OraclePrng(Long.parseLong(spec.substring(5)));
    } else if (spec.startsWith("zeros:")) {
      return zeros(Long.parseLong(spec.substring(6)));
    }
    throw new IllegalArgumentException(spec);
  }

  /** A stream of {@code length} zero bytes that allocates nothing per read. */
  static InputStream zeros(long length) {
    return new InputStream() {
      private long left = length;

      @Override
      public int read() {
        if (left == 0) {
          return -1;
        }
        left--;
        return 0;
      }

      @Override
      public int read(byte[] out, int offset, int count) {
        if (left == 0) {
          return count == 0 ? 0 : -1;
        }
        int n = (int) Math.min(count, left);
        Arrays.fill(out, offset, offset + n, (byte) 0);
        left -= n;
        return n;
      }
    };
  }
}
