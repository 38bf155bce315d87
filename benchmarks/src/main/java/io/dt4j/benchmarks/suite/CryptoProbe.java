package io.dt4j.benchmarks.suite;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.conscrypt.Conscrypt;

/**
 * The crypto ceiling on this JDK (a child JVM of the suite): ChaCha20-Poly1305 sealing of 64 KiB
 * Noise-sized frames through Conscrypt and through the JDK, on direct buffers as the Noise handler
 * does, and SHA-256 of 1 MiB and 256 KiB blocks. Prints {@link Probe} lines, one per sample.
 *
 * <pre>CryptoProbe SECONDS_PER_SAMPLE REPEATS</pre>
 */
public final class CryptoProbe {
  private static final int FRAME = 65_536 - 16;

  private CryptoProbe() {}

  /** A unit of work that processes some bytes. */
  @FunctionalInterface
  private interface Work {
    long run() throws GeneralSecurityException;
  }

  public static void main(String[] args) throws Exception {
    double seconds = Double.parseDouble(args[0]);
    int repeats = Integer.parseInt(args[1]);
    Optional<Provider> conscrypt =
        Conscrypt.isAvailable() ? Optional.of(Conscrypt.newProvider()) : Optional.empty();
    Work jdk = chacha(Cipher.getInstance("ChaCha20-Poly1305"));
    Work conscryptSeal =
        conscrypt.isPresent()
            ? chacha(Cipher.getInstance("ChaCha20-Poly1305", conscrypt.get()))
            : null;
    Work sha1m = sha256(1 << 20);
    Work sha256k = sha256(256 << 10);
    for (int i = 0; i <= repeats; i++) {
      boolean warmup = i == 0;
      if (conscryptSeal != null) {
        measure("ChaCha20-Poly1305 seal 64 KiB, Conscrypt", conscryptSeal, seconds, warmup);
      }
      measure("ChaCha20-Poly1305 seal 64 KiB, JDK", jdk, seconds, warmup);
      measure("SHA-256 of 1 MiB blocks, JDK", sha1m, seconds, warmup);
      measure("SHA-256 of 256 KiB blocks, JDK", sha256k, seconds, warmup);
    }
  }

  private static void measure(String name, Work work, double seconds, boolean warmup)
      throws GeneralSecurityException {
    long bytes = 0;
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    long now;
    do {
      bytes += work.run();
      now = System.nanoTime();
    } while (now < end);
    if (!warmup) {
      System.out.println(Probe.figure(name, "MB/s", bytes / ((now - start) / 1e9) / 1e6));
    }
  }

  private static Work chacha(Cipher cipher) {
    SecretKeySpec key = new SecretKeySpec(new byte[32], "ChaCha20");
    ByteBuffer in = ByteBuffer.allocateDirect(FRAME);
    ByteBuffer out = ByteBuffer.allocateDirect(FRAME + 16);
    byte[] nonce = new byte[12];
    long[] counter = {0};
    return () -> {
      long n = counter[0]++;
      for (int i = 0; i < 8; i++) {
        nonce[4 + i] = (byte) (n >>> (8 * i));
      }
      cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(nonce));
      in.clear();
      out.clear();
      cipher.doFinal(in, out);
      return FRAME;
    };
  }

  private static Work sha256(int size) throws GeneralSecurityException {
    MessageDigest digest = MessageDigest.getInstance("SHA-256");
    byte[] block = new byte[size];
    return () -> {
      digest.update(block);
      digest.digest();
      return size;
    };
  }
}
