package io.dt4j.benchmarks;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Multicodec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** CID text and binary forms of a CIDv1 (raw, sha2-256), both ways: every block pays for these. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CidBenchmark {
  private final Cid cid = Block.of(Multicodec.RAW, "hello world".getBytes()).cid();
  private final String text = cid.toString();
  private final byte[] bytes = cid.toBytes();

  /** Parses the base32 text form. */
  @Benchmark
  public Cid parse() {
    return Cid.parse(text);
  }

  /** Prints the base32 text form. */
  @Benchmark
  public String format() {
    return cid.toString();
  }

  /** Reads the binary form, as graphsync blocks and links carry it. */
  @Benchmark
  public Cid fromBytes() {
    return Cid.fromBytes(bytes);
  }

  /** Writes the binary form. */
  @Benchmark
  public byte[] toBytes() {
    return cid.toBytes();
  }
}
