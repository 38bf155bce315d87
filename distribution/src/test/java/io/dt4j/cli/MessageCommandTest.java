package io.dt4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MessageCommandTest {
  /** data-transfer.md §3.2 S1: 1.1 New pull request, TransferID 1, voucher FakeDTType{"hello"}. */
  private static final String S1 =
      "a36449735271f56752657175657374aa6442436964d82a58250001551220b94d27b9934d3e08a52e52d7da7dabfac"
          + "484efe37a5380ee9088f7ace2efcde96454797065006450617573f46450617274f46450756c6cf56453746f"
          + "72a16152a2616ca1646e6f6e65a0623a3ea16161a1613ea16140a065566f756368816568656c6c6f6456547"
          + "9706a46616b6544545479706566586665724944016e526573746172744368616e6e656c836060006852657"
          + "3706f6e7365f6";

  @TempDir Path dir;

  @Test
  void decodePrintsTheFieldsAndEncodeGivesTheSameBytesBack() throws Exception {
    CliRun decoded = CliRun.of("message", "decode", S1);

    assertThat(decoded.exitCode()).as(decoded.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(decoded.out());
    assertThat(json.get("type").asText()).isEqualTo("NEW");
    assertThat(json.get("pull").asBoolean()).isTrue();
    assertThat(json.get("voucher").get("type").asText()).isEqualTo("FakeDTType");
    Path file = Files.writeString(dir.resolve("s1.json"), decoded.out());

    CliRun encoded = CliRun.of("message", "encode", "@" + file);

    assertThat(encoded.exitCode()).as(encoded.err()).isZero();
    assertThat(encoded.out().strip()).isEqualTo(S1);
  }

  @Test
  void theSameMessageEncodesAsA10Tuple() throws Exception {
    Path file = Files.writeString(dir.resolve("s1.json"), CliRun.of("message", "decode", S1).out());

    CliRun encoded = CliRun.of("message", "encode", "--version", "1.0", "@" + file);

    assertThat(encoded.out().strip()).startsWith("83f589");
  }

  @Test
  void malformedBytesAreOneLineNamingTheOffset() {
    CliRun run = CliRun.of("message", "decode", "a3ff");

    assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
    assertThat(run.errLines()).singleElement().asString().contains("byte offset 1");
  }

  @Test
  void badHexAndUnknownVersionAreUsageErrors() {
    assertThat(CliRun.of("message", "decode", "zz").exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(CliRun.of("message", "decode", "--version", "2.0", S1).exitCode())
        .isEqualTo(ExitCode.USAGE);
  }

  @Test
  void helpWorksAlthoughVersionNamesTheProtocol() {
    CliRun run = CliRun.of("message", "decode", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--version=1.0|1.1");
  }
}
