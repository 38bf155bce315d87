package io.dt4j.benchmarks;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.Multicodec;
import java.util.Random;
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
 * SHA-256 of a whole block into its CID ({@link Block#of}), for the ipfs-car leaf size (1 MiB) and
 * kubo's (256 KiB): the receiver verifies every block this way. Seconds per block; MB/s = size /
 * score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BlockHashBenchmark {
  @Param({"1048576", "262144"})
  public int size;

  private byte[] data;

  @Setup
  public void generate() {
    data = new byte[size];
    new Random(size).nextBytes(data);
  }

  /** Hashes the block and builds its CIDv1. */
  @Benchmark
  public Block hash() {
    return Block.of(Multicodec.RAW, data);
  }
}
