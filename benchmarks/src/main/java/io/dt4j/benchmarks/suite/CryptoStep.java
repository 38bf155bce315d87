package io.dt4j.benchmarks.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The crypto ceiling: {@link CryptoProbe} in a child JVM per JDK, and OpenSSL's {@code speed} for
 * the same cipher and hash as the native reference.
 */
final class CryptoStep {
  static final String OPENSSL = "openssl";

  private final SuiteOptions options;

  CryptoStep(SuiteOptions options) {
    this.options = options;
  }

  void java(SuiteOptions.Jdk jdk, Recorder recorder) throws Exception {
    for (String name :
        List.of(
            "ChaCha20-Poly1305 seal 64 KiB, Conscrypt",
            "ChaCha20-Poly1305 seal 64 KiB, JDK",
            "SHA-256 of 1 MiB blocks, JDK",
            "SHA-256 of 256 KiB blocks, JDK")) {
      recorder.expect(name, jdk.label(), "MB/s", options.repeats());
    }
    List<Probe.Line> lines =
        ChildProcess.java(
            jdk.home(),
            List.of(),
            CryptoProbe.class,
            List.of(Double.toString(options.cryptoSeconds()), Integer.toString(options.repeats())),
            logs(),
            "crypto-" + jdk.label(),
            Duration.ofMinutes(5));
    for (Probe.Line line : lines) {
      if (line.kind().equals("FIGURE")) {
        recorder.add(line.name(), jdk.label(), line.unit(), line.value());
      }
    }
  }

  void openssl(Recorder recorder) throws Exception {
    speed(recorder, "ChaCha20-Poly1305 seal 64 KiB, openssl", "chacha20-poly1305", 65_536);
    speed(recorder, "SHA-256 of 1 MiB blocks, openssl", "sha256", 1 << 20);
  }

  private void speed(Recorder recorder, String name, String algorithm, int bytes) throws Exception {
    recorder.expect(name, OPENSSL, "MB/s", options.repeats());
    int seconds = options.quick() ? 1 : 2;
    for (int i = 0; i < options.repeats(); i++) {
      List<String> out =
          ChildProcess.run(
                  List.of(
                      "openssl",
                      "speed",
                      "-mr",
                      "-seconds",
                      Integer.toString(seconds),
                      "-bytes",
                      Integer.toString(bytes),
                      "-evp",
                      algorithm),
                  Map.of(),
                  logs(),
                  "openssl-" + algorithm,
                  Duration.ofSeconds(60))
              .out();
      recorder.add(name, OPENSSL, "MB/s", parseSpeed(out) / 1e6);
    }
  }

  /** Bytes per second from {@code openssl speed -mr}'s {@code +F:n:ALG:bytes-per-second} line. */
  static double parseSpeed(List<String> lines) throws StepException {
    for (String line : lines) {
      if (line.startsWith("+F:")) {
        String[] parts = line.split(":");
        return Double.parseDouble(parts[parts.length - 1]);
      }
    }
    throw new StepException("openssl speed printed no +F: line");
  }

  private Path logs() {
    return options.work().resolve("logs");
  }
}
