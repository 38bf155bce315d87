package io.dt4j.benchmarks.suite;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The whole benchmark suite in one run (issue 13): crypto ceiling, raw libp2p stream, UnixFS
 * import, graphsync pull and push between daemon processes, many concurrent small pulls, each on
 * every JDK given, with min/median/max over repeats, the ratios and the goals, as a table on stdout
 * and JSON in {@code <results>/<date>.json}. A step that fails or times out reports its figures as
 * failed with the reason; the others still run. Start it through {@code benchmarks/run}, which
 * builds and installs what it needs. Options: {@link SuiteOptions}.
 */
public final class SuiteRun {
  /** A measurement step: adds its figures to the recorder. */
  @FunctionalInterface
  interface Step {
    void run(Recorder recorder) throws Exception;
  }

  private final SuiteOptions options;
  private final PrintStream progress;
  private final List<Figure> figures = new ArrayList<>();
  private final List<String> loads = new ArrayList<>();

  SuiteRun(SuiteOptions options, PrintStream progress) {
    this.options = options;
    this.progress = progress;
  }

  public static void main(String[] args) throws Exception {
    SuiteOptions options;
    try {
      options = SuiteOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("SuiteRun: " + e.getMessage());
      System.exit(2);
      return;
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    RunReport report = new SuiteRun(options, System.err).run(started);
    ReportTable.print(report, out);
    Path json =
        options
            .results()
            .resolve(
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm'Z'")
                        .withZone(ZoneOffset.UTC)
                        .format(started)
                    + "-"
                    + options.mode()
                    + ".json");
    ReportJson.write(report, json);
    out.println();
    out.println("written: " + json);
    System.exit(0); // a timed-out step's thread may still be waiting
  }

  RunReport run(Instant started) {
    loads.add(MachineInfo.load());
    if (options.runs("crypto")) {
      runCrypto(new CryptoStep(options));
    }
    if (options.runs("stream")) {
      runStream(new StreamStep(options));
    }
    if (options.runs("import")) {
      runImport(new ImportStep(options));
    }
    for (SuiteOptions.Jdk jdk : options.jdks()) {
      String on = " on JDK " + jdk.label();
      if (options.runs("transfer")) {
        TransferStep transfers = new TransferStep(options, jdk);
        step("transfer", "daemons" + on, transferTimeout(), transfers::run);
      }
      if (options.runs("concurrent")) {
        String what = options.concurrentPulls() + " pulls" + on;
        step("concurrent", what, Duration.ofMinutes(10), new ConcurrentStep(options, jdk)::run);
      }
    }
    loads.add(MachineInfo.load());
    List<String> labels = options.jdks().stream().map(SuiteOptions.Jdk::label).toList();
    Verdicts verdicts =
        new Verdicts(figures, labels, options.largestSize(), options.concurrentPulls());
    return new RunReport(
        started.toString(),
        options.scope(),
        machine(),
        runtimes(),
        List.copyOf(figures),
        verdicts.ratios(),
        verdicts.goals());
  }

  private void runCrypto(CryptoStep crypto) {
    step("crypto", "openssl speed", Duration.ofMinutes(3), crypto::openssl);
    for (SuiteOptions.Jdk jdk : options.jdks()) {
      step("crypto", "JDK " + jdk.label(), Duration.ofMinutes(5), r -> crypto.java(jdk, r));
    }
  }

  private void runStream(StreamStep stream) {
    Duration limit = Duration.ofSeconds(stream.timeoutSeconds());
    for (SuiteOptions.Jdk jdk : options.jdks()) {
      step("stream", "dt4j on JDK " + jdk.label(), limit, r -> stream.dt4j(jdk, r));
    }
    options
        .jsPeer()
        .ifPresentOrElse(
            peer -> step("stream", "js-libp2p", limit, r -> stream.js(peer, r)),
            () -> missing("stream", FigureNames.JS_STREAM, "no js peer (--js-peer)"));
  }

  private void runImport(ImportStep unixfs) {
    Duration limit = Duration.ofMinutes(15);
    for (SuiteOptions.Jdk jdk : options.jdks()) {
      step("import", "dt4j on JDK " + jdk.label(), limit, r -> unixfs.dt4j(jdk, r));
    }
    options
        .oracle()
        .ifPresentOrElse(
            oracle -> step("import", "car-pack.mjs", limit, r -> unixfs.js(oracle, r)),
            () -> missing("import", FigureNames.IMPORT, "no ipld-oracle (--oracle)"));
  }

  /** The figures of the steps run so far. */
  List<Figure> figures() {
    return List.copyOf(figures);
  }

  private void missing(String group, String name, String reason) {
    Recorder recorder = new Recorder(group);
    recorder.fail(name, FigureNames.NODE, "MB/s", reason);
    figures.addAll(recorder.figures());
  }

  private Duration transferTimeout() {
    long bytes = options.sizes().stream().mapToLong(Long::longValue).sum() * 2 * options.repeats();
    int transfers = options.sizes().size() * 2 * options.repeats();
    return Duration.ofSeconds(
        120 + 60L * transfers + (long) (bytes / TransferStep.SLOWEST_BYTES_PER_SECOND));
  }

  /** Runs one step with a time-out; whatever it leaves running is killed. */
  void step(String group, String what, Duration timeout, Step step) {
    progress.printf("== %s: %s (load %s)%n", group, what, MachineInfo.load());
    Recorder recorder = new Recorder(group);
    ExecutorService executor =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread thread = new Thread(r, "step " + group);
              thread.setDaemon(true);
              return thread;
            });
    Future<?> future =
        executor.submit(
            () -> {
              step.run(recorder);
              return null;
            });
    try {
      future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      recorder.failIncomplete("timed out after " + timeout.toSeconds() + " s");
    } catch (ExecutionException e) {
      recorder.failIncomplete(reason(e.getCause()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      recorder.failIncomplete("interrupted");
    } finally {
      executor.shutdownNow();
      ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
      loads.add(MachineInfo.load());
    }
    for (Figure figure : recorder.figures()) {
      progress.print("   " + ReportTable.row(figure));
    }
    figures.addAll(recorder.figures());
  }

  static String reason(Throwable failure) {
    if (failure instanceof StepException) {
      return failure.getMessage();
    }
    return failure.getClass().getSimpleName()
        + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
  }

  private Map<String, String> machine() {
    Map<String, String> machine = new LinkedHashMap<>(MachineInfo.describe());
    machine.put(
        "load",
        "1/5/15-min averages "
            + loads.get(0)
            + " at start, "
            + loads.get(loads.size() - 1)
            + " at end; 1-min at each step boundary: "
            + loads.stream().map(l -> l.split(" ")[0]).reduce((a, b) -> a + " " + b).orElse(""));
    return machine;
  }

  private Map<String, String> runtimes() {
    Map<String, String> runtimes = new LinkedHashMap<>();
    for (SuiteOptions.Jdk jdk : options.jdks()) {
      runtimes.put(jdk.label(), MachineInfo.jdk(jdk.home()));
    }
    runtimes.put(FigureNames.NODE, MachineInfo.command("node", "--version"));
    runtimes.put(CryptoStep.OPENSSL, MachineInfo.command("openssl", "version"));
    runtimes.put(
        "daemon JAVA_OPTS",
        options.daemonJvmOptions().isEmpty() ? "(none)" : options.daemonJvmOptions());
    return runtimes;
  }
}
