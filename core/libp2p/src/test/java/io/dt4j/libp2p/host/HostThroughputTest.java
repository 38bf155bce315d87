package io.dt4j.libp2p.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.libp2p.host.TestHosts.Node;
import io.dt4j.libp2p.noise.NoiseCipherSuite;
import io.dt4j.libp2p.protocols.Bench;
import io.netty.util.ResourceLeakDetector;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * 1 GiB over one stream between two dt4j hosts on 127.0.0.1 (Noise + muxer), through the bench
 * protocols; prints MB/s (10^6 bytes). Netty's production leak detection (SIMPLE) for this class:
 * PARANOID tracking of every frame would dominate the cost. Set {@code -Ddt4j.bench.bytes=N} for
 * another size, {@code -Ddt4j.bench.cipher=jdk} for the JDK's ChaCha20-Poly1305 instead of the
 * preferred (Conscrypt when available).
 */
@Timeout(180)
class HostThroughputTest {
  private static final long BYTES = Long.getLong("dt4j.bench.bytes", 1L << 30);
  private static ResourceLeakDetector.Level previous;

  @BeforeAll
  static void productionLeakDetection() {
    previous = ResourceLeakDetector.getLevel();
    ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.SIMPLE);
  }

  @AfterAll
  static void restoreLeakDetection() {
    ResourceLeakDetector.setLevel(previous);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"yamux, receive", "yamux, send", "mplex, receive", "mplex, send"})
  void oneGibibyteOverOneStream(String muxer, String direction) throws Exception {
    try (TestHosts hosts = new TestHosts()) {
      NoiseCipherSuite suite =
          "jdk".equals(System.getProperty("dt4j.bench.cipher"))
              ? NoiseCipherSuite.jdk()
              : NoiseCipherSuite.preferred();
      Node a = hosts.start(muxer, suite);
      Node b = hosts.start(muxer, suite);
      a.host().addAddress(b.host().peerId(), b.address());
      a.host().connect(b.address()).toCompletableFuture().get(10, TimeUnit.SECONDS);

      long start = System.nanoTime();
      long counted =
          (direction.equals("receive")
                  ? Bench.receive(a.host(), b.host().peerId(), BYTES)
                  : Bench.send(a.host(), b.host().peerId(), BYTES))
              .toCompletableFuture()
              .get(150, TimeUnit.SECONDS);
      double seconds = (System.nanoTime() - start) / 1e9;

      assertThat(counted).isEqualTo(BYTES);
      System.out.printf(
          "dt4j->dt4j %s %s (bench/%s), Noise cipher %s, %s, JDK %s: %d bytes in %.2f s = %.1f MB/s%n",
          muxer,
          direction,
          direction.equals("receive") ? "source" : "sink",
          a.host().cipherSuite().providerName(),
          a.host().ioName(),
          Runtime.version().feature(),
          BYTES,
          seconds,
          BYTES / seconds / 1e6);
    }
  }
}
