package io.dt4j.ipld.unixfs;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The ipld-oracle's {@code gen-prng.mjs N OUT}: SHA-256("ipld-oracle" ‖ u64be(0)) ‖ SHA-256(… ‖
 * u64be(1)) ‖ … truncated to N bytes, as a stream that never holds more than one 32-byte block.
 * Every shorter input is a prefix of a longer one.
 */
final class OraclePrng extends InputStream {
  private static final byte[] SEED = "ipld-oracle".getBytes(StandardCharsets.US_ASCII);

  private final long length;
  private final MessageDigest sha256;
  private final byte[] block = new byte[32];
  private long position;

  OraclePrng(long length) {
    this.length = length;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Returns the first {@code n} bytes. */
  static byte[] bytes(int n) {
    byte[] out = new byte[n];
    new OraclePrng(n).read(out, 0, n);
    return out;
  }

  @Override
  public int read() {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] out, int offset, int count) {
    if (position >= length) {
      return count == 0 ? 0 : -1;
    }
    int total = (int) Math.min(count, length - position);
    for (int done = 0; done < total; ) {
      int inBlock = (int) (position & 31);
      if (inBlock == 0) {
        sha256.update(SEED);
        sha256.update(ByteBuffer.allocate(8).putLong(position >>> 5).array());
        System.arraycopy(sha256.digest(), 0, block, 0, 32);
      }
      int step = Math.min(32 - inBlock, total - done);
      System.arraycopy(block, inBlock, out, offset + done, step);
      done += step;
      position += step;
    }
    return total;
  }
}
