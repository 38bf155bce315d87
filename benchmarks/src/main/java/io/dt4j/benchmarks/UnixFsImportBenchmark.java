package io.dt4j.benchmarks;

import io.dt4j.ipld.unixfs.ImportOptions;
import io.dt4j.ipld.unixfs.ImportResult;
import io.dt4j.ipld.unixfs.UnixFsImporter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * UnixFS import of 16 MiB held in memory: chunking, hashing every leaf and building the balanced
 * DAG, with ipfs-car's layout (1 MiB raw leaves) and kubo's (256 KiB dag-pb leaves, CIDv0); blocks
 * go to a sink that keeps none. Milliseconds per import; MB/s = 16.78 / score * 1000.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class UnixFsImportBenchmark {
  private final byte[] file = random(16 << 20);

  private static byte[] random(int size) {
    byte[] data = new byte[size];
    new Random(16).nextBytes(data);
    return data;
  }

  /** ipfs-car's defaults. */
  @Benchmark
  public ImportResult ipfsCar(Blackhole sink) throws IOException {
    return UnixFsImporter.importFile(
        new ByteArrayInputStream(file), ImportOptions.IPFS_CAR, sink::consume);
  }

  /** kubo's {@code ipfs add} defaults. */
  @Benchmark
  public ImportResult kubo(Blackhole sink) throws IOException {
    return UnixFsImporter.importFile(
        new ByteArrayInputStream(file), ImportOptions.KUBO, sink::consume);
  }
}
