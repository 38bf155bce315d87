package io.dt4j.benchmarks.suite;

import io.dt4j.benchmarks.libp2p.StreamThroughput;
import java.nio.file.Path;
import java.util.List;

/**
 * Raw libp2p stream MB/s, dt4j on each JDK and js-libp2p, through the cells of the libp2p
 * throughput run ({@link StreamThroughput}): one yamux stream per round, dialer to listener.
 */
final class StreamStep {
  private final SuiteOptions options;

  StreamStep(SuiteOptions options) {
    this.options = options;
  }

  void dt4j(SuiteOptions.Jdk jdk, Recorder recorder) {
    recorder.expect(FigureNames.DT4J_STREAM, jdk.label(), "MB/s", options.repeats());
    StreamThroughput cell =
        StreamThroughput.dt4j(
            jdk.label(), jdk.home(), System.getProperty("java.class.path"), List.of());
    record(recorder, FigureNames.DT4J_STREAM, jdk.label(), cell);
  }

  void js(Path peer, Recorder recorder) {
    recorder.expect(FigureNames.JS_STREAM, FigureNames.NODE, "MB/s", options.repeats());
    record(recorder, FigureNames.JS_STREAM, FigureNames.NODE, StreamThroughput.js(peer));
  }

  private void record(Recorder recorder, String name, String runtime, StreamThroughput cell) {
    StreamThroughput.Result result =
        cell.run(
            options.work().resolve("logs"),
            options.streamBytes(),
            options.streamWarmups(),
            options.repeats());
    for (double mbPerSecond : result.mbPerSecond()) {
      recorder.add(name, runtime, "MB/s", mbPerSecond);
    }
  }

  /** A generous bound on one cell's time: 5 MB/s would be a hang. */
  long timeoutSeconds() {
    return 120 + options.streamBytes() * (options.streamWarmups() + options.repeats()) / 5_000_000;
  }
}
