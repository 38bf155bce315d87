package io.dt4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dt4j import}, {@code cid}, {@code export} and {@code car ls}, run in-process. */
class IpldCommandsTest {

  private static final String HELLO_V0 = "QmT78zSuBmuS4z925WZfrqQ1qHaJ56DQaTfyMUF7F8ff5o";
  private static final String HELLO_RAW =
      "bafkreifjjcie6lypi6ny7amxnfftagclbuxndqonfipmb64f2km2devei4";

  @TempDir Path dir;

  private Path home() {
    return dir.resolve("home");
  }

  private CliRun dt4j(String... args) {
    String[] all =
        Stream.concat(Stream.of("--home", home().toString()), Stream.of(args))
            .toArray(String[]::new);
    return CliRun.of(all);
  }

  private Path hello() throws IOException {
    return Files.writeString(dir.resolve("hello.txt"), "hello world\n", StandardCharsets.US_ASCII);
  }

  private Path randomFile(String name, int size) throws IOException {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return Files.write(dir.resolve(name), bytes);
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  private static void assertOneErrorLine(CliRun run, int exitCode, String... fragments) {
    assertThat(run.exitCode()).isEqualTo(exitCode);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.errLines().get(0)).startsWith("dt4j: ");
    for (String fragment : fragments) {
      assertThat(run.errLines().get(0)).contains(fragment);
    }
  }

  @Test
  void importPrintsAddedLikeKuboWithKuboDefaults() throws Exception {
    CliRun run = dt4j("import", hello().toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).isEqualTo("added " + HELLO_V0 + " hello.txt" + System.lineSeparator());
    assertThat(run.err()).isEmpty();
    assertThat(home().resolve("blocks")).isDirectory();
  }

  @Test
  void quietPrintsOnlyTheRoot() throws Exception {
    CliRun run = dt4j("import", "-q", hello().toString());

    assertThat(run.outLines()).containsExactly(HELLO_V0);
  }

  @Test
  void cidVersionOneImpliesRawLeavesUnlessTheyAreTurnedOff() throws Exception {
    Path hello = hello();

    assertThat(dt4j("cid", "--cid-version", "1", hello.toString()).outLines())
        .containsExactly(HELLO_RAW);
    assertThat(dt4j("cid", "--profile", "ipfs-car", hello.toString()).outLines())
        .containsExactly(HELLO_RAW);
    assertThat(
            dt4j("cid", "--cid-version", "1", "--raw-leaves", "false", hello.toString())
                .outLines()
                .get(0))
        .startsWith("bafybei");
    assertThat(
            dt4j("cid", "--profile", "ipfs-car", "--cid-version", "0", hello.toString()).outLines())
        .containsExactly(HELLO_V0);
  }

  @Test
  void cidEqualsTheRootImportGivesForEveryProfile() throws Exception {
    Path file = randomFile("big.bin", 3 * 262_144 + 17);
    for (List<String> flags :
        List.of(
            List.<String>of(),
            List.of("--profile", "ipfs-car"),
            List.of("--cid-version", "1", "--chunk-size", "65536", "--max-links", "3"),
            List.of("-s", "size-1000", "--raw-leaves", "true"))) {
      String[] cidArgs =
          Stream.concat(Stream.of("cid", file.toString()), flags.stream()).toArray(String[]::new);
      String[] importArgs =
          Stream.concat(Stream.of("import", "-q", file.toString()), flags.stream())
              .toArray(String[]::new);

      CliRun cid = dt4j(cidArgs);
      CliRun imported = dt4j(importArgs);

      assertThat(cid.exitCode()).as("%s", flags).isEqualTo(ExitCode.OK);
      assertThat(cid.outLines()).as("%s", flags).isEqualTo(imported.outLines());
    }
  }

  @Test
  void importThenExportByCidIsByteIdentical() throws Exception {
    Path file = randomFile("data.bin", 5 * 262_144 + 123);
    String root = dt4j("import", "-q", file.toString()).outLines().get(0);
    Path out = dir.resolve("out/copy.bin");

    CliRun run = dt4j("export", root, "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(run.err()).isEmpty();
    assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(file));
    try (Stream<Path> left = Files.list(out.getParent())) {
      assertThat(left).containsExactly(out); // no temporary file left behind
    }
  }

  @Test
  void importToCarThenExportTheCarIsByteIdentical() throws Exception {
    Path file = randomFile("data.bin", 3 * 1_048_576 + 5);
    Path car = dir.resolve("data.car");

    CliRun imported =
        dt4j("import", file.toString(), "--car", car.toString(), "--profile", "ipfs-car");
    CliRun exported = dt4j("export", car.toString(), "-o", dir.resolve("copy.bin").toString());

    assertThat(imported.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(imported.outLines().get(0)).startsWith("added bafybei").endsWith(" data.bin");
    assertThat(exported.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(Files.readAllBytes(dir.resolve("copy.bin"))).isEqualTo(Files.readAllBytes(file));
    assertThat(home().resolve("blocks")).doesNotExist(); // --car stores nothing
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("data.bin", "data.car", "copy.bin");
    }
  }

  @Test
  void carOfTheEmptyAndOneByteFilesMatchesIpfsCarByteForByte() throws Exception {
    // EXPECTED.md of shared/interop/ipld-oracle: ipfs-car pack --no-wrap
    Path empty = Files.write(dir.resolve("empty.bin"), new byte[0]);
    Path one = Files.writeString(dir.resolve("one.bin"), "a");

    dt4j(
        "import",
        empty.toString(),
        "--car",
        dir.resolve("empty.car").toString(),
        "--profile",
        "ipfs-car");
    dt4j(
        "import",
        one.toString(),
        "--car",
        dir.resolve("one.car").toString(),
        "--profile",
        "ipfs-car");

    assertThat(Files.size(dir.resolve("empty.car"))).isEqualTo(96);
    assertThat(sha256(dir.resolve("empty.car")))
        .isEqualTo("50e7408f2eeee58f0a305319619dcc4c89baa7b8425550b9e1b4fdecc020699e");
    assertThat(sha256(dir.resolve("one.car")))
        .isEqualTo("853d4b825e2edea161fc902951ae83ba59938053a7b0075b128b9a4a2f46f067");
  }

  @Test
  void carLsPrintsVersionRootAndEachBlockOnceInFileOrder() throws Exception {
    // three identical 1000-byte chunks: the importer emits the leaf three times, the CAR holds it
    // once
    Path file = Files.write(dir.resolve("zeros.bin"), new byte[3000]);
    Path car = dir.resolve("zeros.car");
    String root =
        dt4j(
                "import",
                "-q",
                file.toString(),
                "--car",
                car.toString(),
                "--chunk-size",
                "1000",
                "--cid-version",
                "1")
            .outLines()
            .get(0);

    CliRun ls = dt4j("car", "ls", car.toString());

    assertThat(ls.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(ls.outLines()).hasSize(4);
    assertThat(ls.outLines().get(0)).isEqualTo("version 1");
    assertThat(ls.outLines().get(1)).isEqualTo("root " + root);
    assertThat(ls.outLines().get(2)).startsWith("bafkrei").endsWith(" 1000");
    assertThat(ls.outLines().get(3)).startsWith(root + " ");
  }

  @Test
  void carLsJsonListsTheSameBlocks() throws Exception {
    Path car = dir.resolve("hello.car");
    dt4j("import", hello().toString(), "--car", car.toString());

    JsonNode report =
        new ObjectMapper().readTree(dt4j("car", "ls", "--json", car.toString()).out());

    assertThat(report.get("version").asInt()).isEqualTo(1);
    assertThat(report.get("roots").get(0).asText()).isEqualTo(HELLO_V0);
    assertThat(report.get("blocks")).hasSize(1);
    assertThat(report.get("blocks").get(0).get("cid").asText()).isEqualTo(HELLO_V0);
    assertThat(report.get("blocks").get(0).get("size").asLong()).isEqualTo(20);
  }

  @Test
  void rawLeavesWithCidVersionZeroPutTheRawRootInTheHeader() throws Exception {
    // the one case where the root's length differs from the placeholder's: the header is rewritten
    Path car = dir.resolve("hello.car");
    dt4j("import", hello().toString(), "--car", car.toString(), "--raw-leaves", "true");

    CliRun ls = dt4j("car", "ls", car.toString());
    CliRun exported = dt4j("export", car.toString(), "--out", dir.resolve("copy.txt").toString());

    assertThat(ls.outLines()).containsExactly("version 1", "root " + HELLO_RAW, HELLO_RAW + " 12");
    assertThat(exported.exitCode()).isEqualTo(ExitCode.OK);
    assertThat(Files.readString(dir.resolve("copy.txt"))).isEqualTo("hello world\n");
  }

  @Test
  void importJsonHasStableFieldNames() throws Exception {
    JsonNode report =
        new ObjectMapper().readTree(dt4j("import", "--json", hello().toString()).out());

    assertThat(report.get("root").asText()).isEqualTo(HELLO_V0);
    assertThat(report.get("name").asText()).isEqualTo("hello.txt");
    assertThat(report.get("file_size").asLong()).isEqualTo(12);
    assertThat(report.get("blocks").asLong()).isEqualTo(1);
    assertThat(report.get("profile").asText()).isEqualTo("kubo");
    assertThat(report.get("chunk_size").asInt()).isEqualTo(262_144);
    assertThat(report.get("raw_leaves").asBoolean()).isFalse();
  }

  @Test
  void missingFileIsOneLineAndExitOne() {
    CliRun run = dt4j("import", dir.resolve("nope.bin").toString());

    assertOneErrorLine(run, ExitCode.ERROR, "file not found", "nope.bin");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void malformedCidNamesTheProblemAndExitsOne() {
    CliRun run = dt4j("export", "Qm!!notacid", "--out", dir.resolve("x").toString());

    assertOneErrorLine(run, ExitCode.ERROR, "Qm!!notacid");
    assertThat(dir.resolve("x")).doesNotExist();
  }

  @Test
  void cidMissingFromTheStoreIsNotFound() throws Exception {
    dt4j("import", hello().toString());
    String other =
        dt4j("cid", "--profile", "ipfs-car", randomFile("r", 10).toString()).outLines().get(0);

    CliRun run = dt4j("export", other, "--out", dir.resolve("x").toString());

    assertOneErrorLine(run, ExitCode.NOT_FOUND, "block not found", other);
    assertThat(dir.resolve("x")).doesNotExist();
  }

  @Test
  void corruptCarIsRejectedWithItsByteOffsetAndNothingIsWritten() throws Exception {
    Path car = dir.resolve("data.car");
    dt4j("import", randomFile("data.bin", 300_000).toString(), "--car", car.toString());
    byte[] bytes = Files.readAllBytes(car);
    bytes[bytes.length - 10] ^= 1; // inside the last block's data
    Files.write(car, bytes);

    CliRun export = dt4j("export", car.toString(), "--out", dir.resolve("x").toString());
    CliRun ls = dt4j("car", "ls", car.toString());

    assertOneErrorLine(export, ExitCode.ERROR, "corrupt CAR", "byte offset");
    assertThat(dir.resolve("x")).doesNotExist();
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("data.bin", "data.car"); // no staging folder left
    }
    assertOneErrorLine(ls, ExitCode.ERROR, "byte offset");
  }

  @Test
  void truncatedCarIsRejected() throws Exception {
    Path car = dir.resolve("data.car");
    dt4j("import", randomFile("data.bin", 300_000).toString(), "--car", car.toString());
    byte[] bytes = Files.readAllBytes(car);
    Files.write(car, java.util.Arrays.copyOf(bytes, bytes.length - 100));

    assertOneErrorLine(dt4j("car", "ls", car.toString()), ExitCode.ERROR, "byte offset");
  }

  @Test
  void badImportOptionsAreUsageErrors() throws Exception {
    String hello = hello().toString();

    assertOneErrorLine(dt4j("import", hello, "--chunker", "rabin-1-2-3"), ExitCode.USAGE, "size-N");
    assertOneErrorLine(dt4j("import", hello, "-s", "size-x"), ExitCode.USAGE, "size-x");
    assertOneErrorLine(dt4j("cid", hello, "--cid-version", "2"), ExitCode.USAGE, "0 or 1");
    assertOneErrorLine(dt4j("cid", hello, "--profile", "nope"), ExitCode.USAGE, "ipfs-car");
    assertOneErrorLine(
        dt4j("cid", hello, "-s", "size-1000", "--chunk-size", "2000"), ExitCode.USAGE, "disagree");
    assertOneErrorLine(dt4j("cid", hello, "--chunk-size", "0"), ExitCode.USAGE, "chunk size", "0");
    assertOneErrorLine(dt4j("cid", hello, "-s", "size-2000000"), ExitCode.USAGE, "1048576");
    assertOneErrorLine(dt4j("cid", hello, "--max-links", "1"), ExitCode.USAGE, "--max-links");
    assertOneErrorLine(dt4j("export", HELLO_V0), ExitCode.USAGE, "--out");
    assertOneErrorLine(dt4j("car"), ExitCode.USAGE, "car ls");
  }

  @Test
  void progressFalseAndNoTerminalKeepStderrEmpty() throws Exception {
    CliRun run = dt4j("import", "--progress=false", hello().toString());
    CliRun forced = dt4j("import", "--progress", hello().toString());

    assertThat(run.err()).isEmpty();
    assertThat(forced.err()).isEmpty(); // tests run without a terminal on stderr
  }
}
