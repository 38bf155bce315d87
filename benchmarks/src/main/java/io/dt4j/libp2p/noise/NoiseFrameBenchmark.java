package io.dt4j.libp2p.noise;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sealing and opening one full Noise transport frame (65519 bytes of plaintext, the 64 KiB frame)
 * through the transport's own {@link CipherState} on direct buffers, with Conscrypt and with the
 * JDK's cipher. It lives in the Noise package because the cipher state is internal to it (the
 * benchmarks are on the class path, not the module path). Microseconds per frame; MB/s = 65.5 /
 * score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = "--enable-native-access=ALL-UNNAMED")
public class NoiseFrameBenchmark {
  @Param({"conscrypt", "jdk"})
  public String provider;

  private final ByteBuffer plaintext =
      ByteBuffer.allocateDirect(NoiseTransportHandler.MAX_PLAINTEXT);
  private final ByteBuffer sealed =
      ByteBuffer.allocateDirect(NoiseTransportHandler.MAX_PLAINTEXT + CipherState.TAG_LENGTH);
  private final ByteBuffer frame =
      ByteBuffer.allocateDirect(NoiseTransportHandler.MAX_PLAINTEXT + CipherState.TAG_LENGTH);
  private final ByteBuffer opened = ByteBuffer.allocateDirect(NoiseTransportHandler.MAX_PLAINTEXT);
  private CipherState sender;
  private CipherState receiver;

  @Setup
  public void keys() throws NoiseException {
    NoiseCipherSuite suite =
        provider.equals("jdk")
            ? NoiseCipherSuite.jdk()
            : NoiseCipherSuite.conscrypt()
                .orElseThrow(() -> new IllegalStateException("no Conscrypt here"));
    byte[] key = new byte[32];
    sender = new CipherState(key, suite);
    receiver = new CipherState(key, suite);
    new CipherState(key, suite).encrypt(new ByteBuffer[] {plaintext.duplicate()}, frame);
    frame.flip();
  }

  /** Seals one frame with the next nonce. */
  @Benchmark
  public ByteBuffer encrypt() throws NoiseException {
    plaintext.clear();
    sealed.clear();
    sender.encrypt(new ByteBuffer[] {plaintext}, sealed);
    return sealed;
  }

  /** Opens the frame sealed with nonce 0 (the receiver's nonce is reset each time). */
  @Benchmark
  public ByteBuffer decrypt() throws NoiseException {
    receiver.nonce(0);
    opened.clear();
    receiver.decrypt(frame.duplicate(), opened);
    return opened;
  }
}
