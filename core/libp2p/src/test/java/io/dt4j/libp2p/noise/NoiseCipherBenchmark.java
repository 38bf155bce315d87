package io.dt4j.libp2p.noise;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Quick throughput check of the Noise transport cipher with 64 KiB frames (65519 bytes of
 * plaintext, the largest frame), for each provider and buffer kind. Not a JMH benchmark: a warm-up,
 * then a timed loop of seal + open. Run: {@code java -cp <test classpath>
 * io.dt4j.libp2p.noise.NoiseCipherBenchmark [seconds]}.
 */
public final class NoiseCipherBenchmark {
  private NoiseCipherBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args optional: seconds per measurement (default 3)
   * @throws Exception if a cipher fails
   */
  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
    List<NoiseCipherSuite> suites = new ArrayList<>();
    suites.add(NoiseCipherSuite.jdk());
    Optional<NoiseCipherSuite> conscrypt = NoiseCipherSuite.conscrypt();
    conscrypt.ifPresent(suites::add);
    System.out.printf(
        "java %s, preferred provider: %s%n",
        System.getProperty("java.version"), NoiseCipherSuite.preferred().providerName());
    for (NoiseCipherSuite suite : suites) {
      for (boolean direct : new boolean[] {false, true}) {
        run(suite, direct, 1.0); // warm-up
        double[] mbps = run(suite, direct, seconds);
        System.out.printf(
            "%-9s %-6s buffers: encrypt %7.1f MB/s, decrypt %7.1f MB/s%n",
            suite.providerName(), direct ? "direct" : "heap", mbps[0], mbps[1]);
      }
    }
  }

  private static double[] run(NoiseCipherSuite suite, boolean direct, double seconds)
      throws Exception {
    int size = NoiseTransportHandler.MAX_PLAINTEXT;
    byte[] key = new byte[32];
    CipherState sealer = new CipherState(key, suite);
    CipherState opener = new CipherState(key, suite);
    ByteBuffer plain = allocate(direct, size);
    ByteBuffer sealed = allocate(direct, size + CipherState.TAG_LENGTH);
    ByteBuffer opened = allocate(direct, size);
    long encryptNanos = 0;
    long decryptNanos = 0;
    long frames = 0;
    long end = System.nanoTime() + (long) (seconds * 1e9);
    while (System.nanoTime() < end) {
      plain.clear();
      sealed.clear();
      long t0 = System.nanoTime();
      sealer.encrypt(new ByteBuffer[] {plain}, sealed);
      long t1 = System.nanoTime();
      sealed.flip();
      opened.clear();
      opener.decrypt(sealed, opened);
      long t2 = System.nanoTime();
      encryptNanos += t1 - t0;
      decryptNanos += t2 - t1;
      frames++;
    }
    double bytes = (double) frames * size;
    return new double[] {bytes / (encryptNanos / 1e9) / 1e6, bytes / (decryptNanos / 1e9) / 1e6};
  }

  private static ByteBuffer allocate(boolean direct, int size) {
    return direct ? ByteBuffer.allocateDirect(size) : ByteBuffer.allocate(size);
  }
}
