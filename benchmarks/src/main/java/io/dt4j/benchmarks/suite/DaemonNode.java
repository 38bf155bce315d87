package io.dt4j.benchmarks.suite;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A {@code bin/dt4j daemon} process of the unpacked distribution with its own home, the
 * distribution's plugins (graphsync and the example voucher), on one JDK.
 */
final class DaemonNode implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  /** The plugins folder, made once per run (daemons keep using it). */
  private static Path plugins;

  private final Process process;
  private final Path home;
  private final Path out;
  private final AdminApi api;
  private final String address;

  private DaemonNode(Process process, Path home, Path out) throws StepException, IOException {
    this.process = process;
    this.home = home;
    this.out = out;
    this.api = new AdminApi(home);
    this.address = line("listen:");
  }

  /**
   * The plugins of the benchmark daemons, in {@code <work>/plugins}: the distribution's graphsync
   * transport and the benchmarks' voucher plugin (no revalidator, so no payment pauses).
   */
  static Path plugins(SuiteOptions options) throws IOException, StepException {
    if (plugins != null) {
      return plugins;
    }
    Path jar =
        options
            .voucherPlugin()
            .filter(Files::isRegularFile)
            .orElseThrow(() -> new StepException("no bench voucher plugin jar (--voucher-plugin)"));
    Path dir = options.work().resolve("plugins");
    TestFiles.deleteTree(dir);
    Files.createDirectories(dir);
    try (DirectoryStream<Path> jars =
        Files.newDirectoryStream(
            options.distribution().resolve("plugins"), "dt4j-graphsync-*.jar")) {
      for (Path graphsync : jars) {
        Files.copy(graphsync, dir.resolve(graphsync.getFileName()));
      }
    }
    Files.copy(jar, dir.resolve(jar.getFileName()));
    plugins = dir;
    return dir;
  }

  /** Starts a daemon on {@code home} with {@link #plugins} and waits until it is ready. */
  static DaemonNode start(SuiteOptions options, Path javaHome, Path home)
      throws StepException, IOException, InterruptedException {
    return start(options, javaHome, home, Map.of());
  }

  /**
   * Starts a daemon as {@link #start(SuiteOptions, Path, Path)} does, with daemon settings given as
   * {@code DT4J_*} environment variables.
   */
  static DaemonNode start(SuiteOptions options, Path javaHome, Path home, Map<String, String> env)
      throws StepException, IOException, InterruptedException {
    Path distribution = options.distribution();
    Files.createDirectories(home);
    Path out = home.resolveSibling(home.getFileName() + ".out");
    Path err = home.resolveSibling(home.getFileName() + ".err");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    distribution.resolve("bin/dt4j").toString(),
                    "daemon",
                    "--home",
                    home.toString(),
                    "--plugins-dir",
                    plugins(options).toString()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().put("JAVA_HOME", javaHome.toString());
    builder.environment().put("JAVA_OPTS", options.daemonJvmOptions());
    builder.environment().put("DT4J_LOG_LEVEL", "warn");
    builder.environment().putAll(env);
    Process process = builder.start();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (!Files.readString(out).contains("daemon ready\n")) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        process.destroyForcibly();
        throw new StepException(
            "daemon on "
                + home
                + " did not start: "
                + ChildProcess.lastLine(Files.readAllLines(err)));
      }
      Thread.sleep(100); // the daemon announces readiness only in its output file
    }
    return new DaemonNode(process, home, out);
  }

  private String line(String label) throws IOException, StepException {
    return Files.readAllLines(out).stream()
        .filter(l -> l.startsWith(label))
        .map(l -> l.substring(label.length()).strip())
        .findFirst()
        .orElseThrow(() -> new StepException("daemon printed no '" + label + "' line"));
  }

  AdminApi api() {
    return api;
  }

  /** Its libp2p address with {@code /p2p/<peer id>}. */
  String address() {
    return address;
  }

  Path home() {
    return home;
  }

  /** Peak resident memory so far in MB (10^6 bytes), from {@code /proc/<pid>/status} VmHWM. */
  OptionalLong peakRssMb() {
    try {
      for (String line :
          Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
        if (line.startsWith("VmHWM:")) {
          long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return OptionalLong.of(kib * 1024 / 1_000_000);
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux, or the process is gone
    }
    return OptionalLong.empty();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
