package io.dt4j.benchmarks.libp2p;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The command line of {@link ThroughputRun}, and the pairs it asks for: for each muxer, dt4j to
 * dt4j on each JDK, js to js, dt4j dialing js and js dialing dt4j (on the {@code --mixed-java} JDK,
 * default the last one given).
 *
 * @param jdks the dt4j parties, one per {@code --java LABEL=JAVA_HOME}
 * @param js the js party, if {@code --js-peer} was given
 * @param mixed the dt4j party that meets js
 * @param muxers the muxers to run
 * @param bytes bytes per round
 * @param warmupRounds unmeasured rounds per cell before the measured ones (default 3): measured on
 *     a 2-core VM, a JVM's CPU time per GiB settles only after about 2 GiB per direction (C2
 *     compiles for ~10 s and competes with the transfer for the cores); node gets the same bytes
 * @param rounds measured rounds per cell
 * @param logDir where the processes' stderr goes
 */
record ThroughputOptions(
    List<Party.Dt4j> jdks,
    Optional<Party.Js> js,
    Party.Dt4j mixed,
    List<String> muxers,
    long bytes,
    int warmupRounds,
    int rounds,
    Path logDir) {

  private static final long GIB = 1L << 30;

  /**
   * Parses the arguments.
   *
   * @throws IllegalArgumentException with a message for the user
   */
  static ThroughputOptions parse(String[] args) {
    List<String[]> javas = new ArrayList<>();
    List<String> jvmOptions = new ArrayList<>();
    Path jsPeer = null;
    String mixed = null;
    String classpath = System.getProperty("java.class.path");
    List<String> muxers = List.of("yamux", "mplex");
    long bytes = GIB;
    int warmupRounds = 3;
    int rounds = 5;
    Path logDir = Path.of("benchmarks/target/libp2p-throughput");
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + name);
      }
      String value = args[++i];
      switch (name) {
        case "--java" -> javas.add(javaOption(value));
        case "--jvm-option" -> jvmOptions.add(value);
        case "--js-peer" -> jsPeer = Path.of(value);
        case "--mixed-java" -> mixed = value;
        case "--classpath" -> classpath = value;
        case "--muxers" -> muxers = Arrays.asList(value.split(","));
        case "--bytes" -> bytes = Long.parseLong(value);
        case "--warmup-rounds" -> warmupRounds = Integer.parseInt(value);
        case "--rounds" -> rounds = Integer.parseInt(value);
        case "--log-dir" -> logDir = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + name);
      }
    }
    if (javas.isEmpty()) {
      throw new IllegalArgumentException("give at least one --java LABEL=JAVA_HOME");
    }
    if (bytes <= 0 || rounds <= 0 || warmupRounds < 0) {
      throw new IllegalArgumentException(
          "--bytes and --rounds must be positive, --warmup-rounds >= 0");
    }
    for (String muxer : muxers) {
      if (!muxer.equals("yamux") && !muxer.equals("mplex")) {
        throw new IllegalArgumentException("unknown muxer " + muxer);
      }
    }
    if (jsPeer != null && !Files.isRegularFile(jsPeer.resolve("bench-dialer.mjs"))) {
      throw new IllegalArgumentException("no bench-dialer.mjs in the js peer at " + jsPeer);
    }
    List<Party.Dt4j> jdks = new ArrayList<>();
    for (String[] java : javas) {
      jdks.add(new Party.Dt4j(java[0], Path.of(java[1]), classpath, List.copyOf(jvmOptions)));
    }
    String mixedLabel = mixed != null ? mixed : javas.get(javas.size() - 1)[0];
    Party.Dt4j mixedParty =
        jdks.stream()
            .filter(j -> j.version().equals(mixedLabel))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("--mixed-java names no --java"));
    return new ThroughputOptions(
        List.copyOf(jdks),
        Optional.ofNullable(jsPeer).map(Party.Js::new),
        mixedParty,
        List.copyOf(muxers),
        bytes,
        warmupRounds,
        rounds,
        logDir);
  }

  private static String[] javaOption(String value) {
    String[] parts = value.split("=", 2);
    if (parts.length != 2 || !Files.isExecutable(Path.of(parts[1], "bin", "java"))) {
      throw new IllegalArgumentException("--java wants LABEL=JAVA_HOME with bin/java: " + value);
    }
    return parts;
  }

  /** The pairs to measure, in the order they run in each round. */
  List<Pair> pairs() {
    List<Pair> pairs = new ArrayList<>();
    for (String muxer : muxers) {
      for (Party.Dt4j jdk : jdks) {
        pairs.add(new Pair(jdk, jdk, muxer));
      }
      js.ifPresent(
          j -> {
            pairs.add(new Pair(j, j, muxer));
            pairs.add(new Pair(mixed, j, muxer));
            pairs.add(new Pair(j, mixed, muxer));
          });
    }
    return pairs;
  }

  /** The dt4j processes' JVM options, for the report. */
  String jvmOptionsText() {
    List<String> all = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED"));
    all.addAll(jdks.get(0).jvmOptions());
    return String.join(" ", all);
  }
}
