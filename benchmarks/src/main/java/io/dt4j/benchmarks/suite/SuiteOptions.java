package io.dt4j.benchmarks.suite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The command line of {@link SuiteRun} and the sizes and repeats of its mode.
 *
 * <pre>
 * SuiteRun [--quick] --java LABEL=JAVA_HOME... --distribution DIR [--js-peer DIR] [--oracle DIR]
 *          [--work DIR] [--results DIR] [--only GROUP,...] [--daemon-jvm-options OPTS]
 *          [--voucher-plugin JAR] [--repeats N] [--sizes MIB,...]
 * </pre>
 *
 * @param quick the quick mode: smaller sizes, fewer repeats
 * @param jdks the JDKs, in order
 * @param distribution the unpacked distribution ({@code bin/dt4j}, {@code plugins/})
 * @param jsPeer the installed js-libp2p peer, if any
 * @param oracle the installed ipld-oracle ({@code car-pack.mjs}), if any
 * @param work scratch space: generated files, daemon homes, logs
 * @param results where {@code <date>.json} goes
 * @param only the groups to run; empty for all
 * @param daemonJvmOptions {@code JAVA_OPTS} of every daemon
 * @param voucherPlugin the benchmarks' voucher plugin jar ({@code io.dt4j.benchmarks.voucher}),
 *     which the daemons need
 * @param repeatsOverride repeats of each measured figure instead of the mode's ({@code --repeats})
 * @param sizesOverride transfer sizes instead of the mode's ({@code --sizes 1024,4096}, in MiB)
 */
record SuiteOptions(
    boolean quick,
    List<Jdk> jdks,
    Path distribution,
    Optional<Path> jsPeer,
    Optional<Path> oracle,
    Path work,
    Path results,
    Set<String> only,
    String daemonJvmOptions,
    Optional<Path> voucherPlugin,
    Optional<Integer> repeatsOverride,
    Optional<List<Long>> sizesOverride) {

  /** The groups, in the order they run. */
  static final List<String> GROUPS =
      List.of("crypto", "stream", "import", "transfer", "concurrent");

  /**
   * A JDK to measure on.
   *
   * @param label e.g. {@code 25}
   * @param home its JAVA_HOME
   */
  record Jdk(String label, Path home) {}

  static SuiteOptions parse(String[] args) {
    boolean quick = false;
    List<Jdk> jdks = new ArrayList<>();
    Path distribution = null;
    Path jsPeer = null;
    Path oracle = null;
    Path work = Path.of("benchmarks/target/suite");
    Path results = Path.of("benchmarks/results");
    Set<String> only = Set.of();
    String daemonJvmOptions = "";
    Path voucherPlugin = null;
    Integer repeats = null;
    List<Long> sizes = null;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (name.equals("--quick")) {
        quick = true;
        continue;
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + name);
      }
      String value = args[++i];
      switch (name) {
        case "--java" -> jdks.add(jdk(value));
        case "--distribution" -> distribution = Path.of(value);
        case "--js-peer" -> jsPeer = Path.of(value);
        case "--oracle" -> oracle = Path.of(value);
        case "--work" -> work = Path.of(value);
        case "--results" -> results = Path.of(value);
        case "--only" -> only = groups(value);
        case "--daemon-jvm-options" -> daemonJvmOptions = value;
        case "--voucher-plugin" -> voucherPlugin = Path.of(value);
        case "--repeats" -> repeats = positive(name, value);
        case "--sizes" -> sizes = mebibytes(name, value);
        default -> throw new IllegalArgumentException("unknown option " + name);
      }
    }
    if (jdks.isEmpty()) {
      throw new IllegalArgumentException("give at least one --java LABEL=JAVA_HOME");
    }
    if (distribution == null || !Files.isExecutable(distribution.resolve("bin/dt4j"))) {
      throw new IllegalArgumentException("--distribution must name an unpacked dt4j with bin/dt4j");
    }
    return new SuiteOptions(
        quick,
        List.copyOf(jdks),
        distribution,
        Optional.ofNullable(jsPeer),
        Optional.ofNullable(oracle),
        work,
        results,
        only,
        daemonJvmOptions,
        Optional.ofNullable(voucherPlugin),
        Optional.ofNullable(repeats),
        Optional.ofNullable(sizes));
  }

  /** A comma-separated list of sizes in MiB, e.g. {@code 1024,4096}. */
  private static List<Long> mebibytes(String name, String value) {
    List<Long> sizes = new ArrayList<>();
    for (String part : value.split(",")) {
      sizes.add((long) positive(name, part.trim()) << 20);
    }
    return List.copyOf(sizes);
  }

  private static int positive(String name, String value) {
    try {
      int n = Integer.parseInt(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(name + " wants a positive whole number: " + value);
  }

  private static Jdk jdk(String value) {
    String[] parts = value.split("=", 2);
    if (parts.length != 2 || !Files.isExecutable(Path.of(parts[1], "bin", "java"))) {
      throw new IllegalArgumentException("--java wants LABEL=JAVA_HOME with bin/java: " + value);
    }
    return new Jdk(parts[0], Path.of(parts[1]));
  }

  private static Set<String> groups(String value) {
    Set<String> groups = Set.copyOf(Arrays.asList(value.split(",")));
    for (String group : groups) {
      if (!GROUPS.contains(group)) {
        throw new IllegalArgumentException("unknown group " + group + "; groups: " + GROUPS);
      }
    }
    return groups;
  }

  boolean runs(String group) {
    return only.isEmpty() || only.contains(group);
  }

  String mode() {
    return quick ? "quick" : "full";
  }

  /** The mode, and the groups when {@code --only} left some out, for the report. */
  String scope() {
    return only.isEmpty()
        ? mode()
        : mode() + ", only " + String.join(",", GROUPS.stream().filter(only::contains).toList());
  }

  /** Bytes per graphsync transfer. */
  List<Long> sizes() {
    return sizesOverride.orElse(quick ? List.of(64L << 20) : List.of(1L << 30, 4L << 30));
  }

  /** Repeats of each measured figure. */
  int repeats() {
    return repeatsOverride.orElse(quick ? 2 : 3);
  }

  /** Bytes per raw stream round. */
  long streamBytes() {
    return quick ? 128L << 20 : 1L << 30;
  }

  /** Unmeasured stream rounds first (the JITs' warm-up). */
  int streamWarmups() {
    return quick ? 1 : 2;
  }

  /** Bytes of the UnixFS import file. */
  long importBytes() {
    return quick ? 64L << 20 : 1L << 30;
  }

  /** Seconds per crypto sample. */
  double cryptoSeconds() {
    return quick ? 0.5 : 1.0;
  }

  int concurrentPulls() {
    return quick ? 100 : 1000;
  }

  /** How long concurrent pulls may take to end after the last open; later ones count as errors. */
  Duration concurrentEndWait() {
    return quick ? Duration.ofSeconds(30) : Duration.ofMinutes(2);
  }

  /** The largest transfer size, the one the goals are about. */
  long largestSize() {
    return sizes().get(sizes().size() - 1);
  }
}
