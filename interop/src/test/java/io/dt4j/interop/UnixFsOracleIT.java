package io.dt4j.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.BlockLoader;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.InMemoryBlockstore;
import io.dt4j.ipld.Selectors;
import io.dt4j.ipld.car.CarReader;
import io.dt4j.ipld.selector.SelectorParser;
import io.dt4j.ipld.traversal.Traversal;
import io.dt4j.ipld.traversal.TraversalVisitor;
import io.dt4j.ipld.unixfs.ImportOptions;
import io.dt4j.ipld.unixfs.UnixFsImporter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * dt4j's UnixFS importer, CAR writer, exporter and traversal against the IPLD oracle of {@code
 * shared/interop/ipld-oracle} (ipfs-unixfs-importer/-exporter and @ipld/car, pinned in its lock
 * file). Inputs are the oracle's PRNG files; every process is bounded by a timeout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnixFsOracleIT {
  private static final Duration TIMEOUT = Duration.ofMinutes(1);
  private static final int KIB_256 = 262_144;
  private static final int MIB = 1_048_576;
  private static final long BIG = 50L * MIB; // 200 kubo chunks: more than 174, so two levels

  /** kubo's {@code ipfs add --cid-version=1}: raw leaves, 256 KiB, 174 links. */
  private static final ImportOptions KUBO_V1 = new ImportOptions(KIB_256, true, 1, 174);

  /** A three-level raw-leaf DAG: 800 leaves of 64 KiB under 174-link nodes. */
  private static final String[] MULTI_LEVEL_JS = {"--chunk", "65536", "--max-children", "174"};

  private static final String[] MULTI_LEVEL_DT4J = {
    "--profile", "ipfs-car", "--chunk-size", "65536", "--max-links", "174"
  };

  private NodeTool oracle;
  private Dt4jTool dt4j;
  private Path work;
  private final Map<String, Path> files = new LinkedHashMap<>();

  @BeforeAll
  void setUp() throws IOException {
    oracle = NodeTool.install("ipld-oracle");
    work = Path.of(System.getProperty("dt4j.work.dir", "target/interop-work")).toAbsolutePath();
    deleteTree(work);
    Files.createDirectories(work.resolve("in"));
    dt4j = Dt4jTool.withHome(work.resolve("home"));
    long[] sizes = {
      0, 1, KIB_256 - 1, KIB_256, KIB_256 + 1, MIB - 1, MIB, MIB + 1, 174L * KIB_256 + 1, BIG
    };
    for (long size : sizes) {
      Path file = work.resolve("in").resolve("prng-" + size + ".bin");
      files.put(file.getFileName().toString(), OracleFiles.prng(file, size));
    }
  }

  private Path big() {
    return files.get("prng-" + BIG + ".bin");
  }

  @Test
  void generatorMatchesTheOracleFiles() throws Exception {
    // EXPECTED.md: sha256 of t/50m.bin
    assertThat(sha256(big()))
        .isEqualTo("08d0468e636738d9629d1532ca906dd484eb56acf3d36ee1ea54fa5440d54d14");
  }

  @Test
  void kuboRootCidsMatchCidOfForEverySize() throws IOException {
    for (Path file : files.values()) {
      NodeTool.Run run = ok(oracle.node(TIMEOUT, "cid-of.mjs", file.toString()));
      Map<String, String> expected = new LinkedHashMap<>();
      run.outLines().stream().map(l -> l.split("\\s+")).forEach(f -> expected.put(f[0], f[1]));

      assertThat(root(file, ImportOptions.KUBO))
          .as("kubo-v0 %s", file)
          .isEqualTo(expected.get("kubo-v0"));
      assertThat(root(file, KUBO_V1)).as("kubo-v1 %s", file).isEqualTo(expected.get("kubo-v1"));
    }
  }

  @Test
  void dt4jCidCommandMatchesCidOf() {
    NodeTool.Run js = ok(oracle.node(TIMEOUT, "cid-of.mjs", big().toString()));
    String v0 = ok(dt4j.run(TIMEOUT, "cid", big().toString())).out().strip();
    String v1 = ok(dt4j.run(TIMEOUT, "cid", "--cid-version", "1", big().toString())).out().strip();

    assertThat(js.outLines()).containsExactly("kubo-v0  " + v0, "kubo-v1  " + v1);
    assertThat(v0).isEqualTo("QmbybcZjryREiz5CRuBjAGBMnzokr2EdV8i8M1MqMatxrN"); // EXPECTED.md
  }

  @Test
  void ipfsCarProfileCarsAreByteIdenticalToTheOracleForEverySize() throws IOException {
    for (Path file : files.values()) {
      Path js = jsCar(file, "ipfs-car");
      Path ours = dt4jCar(file, "ipfs-car", "--profile", "ipfs-car");

      assertThat(root(file, ImportOptions.IPFS_CAR)).isEqualTo(headerRoot(js));
      assertThat(Files.mismatch(ours, js)).as("first differing byte of %s", ours).isEqualTo(-1);
    }
  }

  @Test
  void kuboProfileCarIsByteIdenticalToTheOracle() throws IOException {
    for (Path file : List.of(files.get("prng-262145.bin"), big())) {
      Path js =
          jsCar(file, "kubo", "--cid-version", "0", "--chunk", "262144", "--max-children", "174");
      Path ours = dt4jCar(file, "kubo");

      assertThat(Files.mismatch(ours, js)).as("first differing byte of %s", ours).isEqualTo(-1);
    }
  }

  @Test
  void multiLevelRawLeafCarIsByteIdenticalToTheOracle() throws IOException {
    Path js = jsCar(big(), "multi", MULTI_LEVEL_JS);
    Path ours = dt4jCar(big(), "multi", MULTI_LEVEL_DT4J);

    assertThat(headerRoot(js))
        .isEqualTo("bafybeicmtes46sf7wmradvnuuzxvfpingbywuxpb45mttvy7xv4ho2z35y");
    assertThat(Files.mismatch(ours, js)).isEqualTo(-1);
  }

  @Test
  void carLsOfTheOracleReadsDt4jCarsWithTheSameBlocks() throws IOException {
    for (Path car : List.of(dt4jCar(big(), "multi", MULTI_LEVEL_DT4J), dt4jCar(big(), "kubo"))) {
      List<String> js = ok(oracle.node(TIMEOUT, "car-ls.mjs", car.toString())).outLines();
      List<String> ours = ok(dt4j.run(TIMEOUT, "car", "ls", car.toString())).outLines();

      assertThat(js).noneMatch(line -> line.contains("BAD-HASH"));
      assertThat(ours).isEqualTo(js.stream().map(l -> l.replaceFirst("^block ", "")).toList());
    }
  }

  @Test
  void dt4jExportsOracleCarsToTheSameBytes() throws IOException {
    List<Path> cars =
        List.of(
            jsCar(big(), "ipfs-car"),
            jsCar(big(), "multi", MULTI_LEVEL_JS),
            jsCar(
                big(),
                "kubo-dfs",
                "--cid-version",
                "0",
                "--chunk",
                "262144",
                "--max-children",
                "174",
                "--order",
                "dfs"),
            jsCar(files.get("prng-0.bin"), "ipfs-car"));
    for (Path car : cars) {
      Path out = work.resolve("export").resolve(car.getFileName() + ".out");

      ok(dt4j.run(TIMEOUT, "export", car.toString(), "--out", out.toString()));

      Path original = files.get(car.getFileName().toString().replaceFirst("\\.[^.]+\\.car$", ""));
      assertThat(Files.mismatch(out, original)).as("first differing byte of %s", out).isEqualTo(-1);
    }
  }

  @Test
  void oracleUnpacksDt4jCarsToTheSameBytes() throws IOException {
    Path empty = files.get("prng-0.bin");
    for (Path car :
        List.of(
            dt4jCar(big(), "multi", MULTI_LEVEL_DT4J),
            dt4jCar(big(), "kubo"),
            dt4jCar(empty, "ipfs-car", "--profile", "ipfs-car"),
            dt4jCar(empty, "kubo"))) {
      Path out = work.resolve("unpack").resolve(car.getFileName() + ".out");
      Files.createDirectories(out.getParent());

      NodeTool.Run run = ok(oracle.node(TIMEOUT, "car-unpack.mjs", car.toString(), out.toString()));

      Path original =
          files.get(car.getFileName().toString().replaceFirst("\\.[^.]+\\.dt4j\\.car$", ""));
      assertThat(run.out().strip()).isEqualTo(headerRoot(car) + " " + Files.size(original));
      assertThat(Files.mismatch(out, original)).as("first differing byte of %s", out).isEqualTo(-1);
    }
  }

  @Test
  void exploreAllTraversalVisitsBlocksInTheOracleDfsOrder() throws IOException {
    List<Path> cars =
        List.of(
            jsCar(
                big(), "multi-dfs", "--chunk", "65536", "--max-children", "174", "--order", "dfs"),
            jsCar(
                big(),
                "kubo-dfs",
                "--cid-version",
                "0",
                "--chunk",
                "262144",
                "--max-children",
                "174",
                "--order",
                "dfs"));
    for (Path car : cars) {
      InMemoryBlockstore store = new InMemoryBlockstore();
      List<Cid> fileOrder = new ArrayList<>();
      Cid root;
      try (CarReader reader = CarReader.open(Files.newInputStream(car))) {
        root = reader.header().roots().get(0);
        for (Optional<Block> b = reader.next(); b.isPresent(); b = reader.next()) {
          store.put(b.get());
          fileOrder.add(b.get().cid());
        }
      }
      List<Cid> visited = new ArrayList<>();
      TraversalVisitor visitor =
          new TraversalVisitor() {
            @Override
            public io.dt4j.ipld.traversal.VisitControl visitNode(
                io.dt4j.ipld.traversal.Path path, io.dt4j.ipld.Node node, boolean matched) {
              return io.dt4j.ipld.traversal.VisitControl.CONTINUE;
            }

            @Override
            public void blockLoaded(Cid cid, io.dt4j.ipld.traversal.Path path, int size) {
              visited.add(cid);
            }
          };

      Traversal.over(BlockLoader.of(store))
          .run(root, SelectorParser.parse(Selectors.EXPLORE_ALL), visitor);

      assertThat(fileOrder.size()).as("blocks of %s", car).isGreaterThan(200);
      assertThat(visited).as("traversal of %s", car).isEqualTo(fileOrder);
    }
  }

  /** The oracle's CAR of a file: {@code node car-pack.mjs FILE OUT args…}, made once. */
  private Path jsCar(Path file, String label, String... args) {
    Path car = work.resolve("js").resolve(file.getFileName() + "." + label + ".car");
    if (!Files.exists(car)) {
      createParent(car);
      List<String> all = new ArrayList<>(List.of(file.toString(), car.toString()));
      all.addAll(List.of(args));
      NodeTool.Run run = ok(oracle.node(TIMEOUT, "car-pack.mjs", all.toArray(String[]::new)));
      assertThat(run.out().strip()).isEqualTo(headerRoot(car));
    }
    return car;
  }

  /** dt4j's CAR of a file: {@code dt4j import FILE --car OUT -q args…}, made once. */
  private Path dt4jCar(Path file, String label, String... args) {
    Path car = work.resolve("dt4j").resolve(file.getFileName() + "." + label + ".dt4j.car");
    if (!Files.exists(car)) {
      createParent(car);
      List<String> all =
          new ArrayList<>(List.of("import", "-q", file.toString(), "--car", car.toString()));
      all.addAll(List.of(args));
      NodeTool.Run run = ok(dt4j.run(TIMEOUT, all.toArray(String[]::new)));
      assertThat(run.out().strip()).isEqualTo(headerRoot(car));
    }
    return car;
  }

  private static String root(Path file, ImportOptions options) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return UnixFsImporter.importFile(in, options, block -> {}).root().toString();
    }
  }

  private static String headerRoot(Path car) {
    try (CarReader reader = CarReader.open(Files.newInputStream(car))) {
      return reader.header().roots().get(0).toString();
    } catch (IOException e) {
      throw new AssertionError("cannot read " + car, e);
    }
  }

  private static NodeTool.Run ok(NodeTool.Run run) {
    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    return run;
  }

  private static void createParent(Path file) {
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static String sha256(Path file) throws Exception {
    MessageDigest md = MessageDigest.getInstance("SHA-256");
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        md.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
