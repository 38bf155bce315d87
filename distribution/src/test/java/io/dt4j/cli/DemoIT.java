package io.dt4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dt4j.cli.Launcher.ProcessRun;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/dt4j demo} from the unpacked archive, with no set-up: two nodes in one process move a
 * small generated file over the shipped graphsync plugin and verify it. The no-transport case is in
 * {@link DaemonProcessIT}, next to the daemon's.
 */
class DemoIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Two nodes, four steps: more than the one minute of a short command on a busy machine. */
  private static final long DEMO_SECONDS = 300;

  @TempDir static Path scratch;
  private static Path launcher;

  @BeforeAll
  static void unpackTheArchive() throws Exception {
    launcher = Launcher.unpack(scratch).resolve("bin/dt4j");
  }

  @Test
  void nodeBPullsTheFileFromNodeAAndItIsVerified() throws Exception {
    ProcessRun run = Launcher.dt4jWithin(DEMO_SECONDS, scratch, launcher, "demo", "--size", "8MiB");

    assertThat(run.exitCode()).as("%s", run.err()).isZero();
    assertThat(run.out().get(0))
        .isEqualTo("dt4j demo: pull of 8.00 MiB over graphsync, node A -> node B");
    assertThat(run.out())
        .anyMatch(line -> line.matches("root: +Qm\\w+"))
        .anyMatch(
            line ->
                line.matches("size: +8388608 bytes \\(8\\.00 MiB\\), 33 blocks, \\d+ DAG bytes"))
        .anyMatch(
            line -> line.matches("node A: +Completed, Sent [1-9]\\d*, Received 0 \\(sender .*"))
        .anyMatch(
            line -> line.matches("node B: +Completed, Sent 0, Received [1-9]\\d* \\(receiver .*"))
        .anyMatch(line -> line.matches("transfer: +[\\d.]+ s, [\\d.]+ MB/s"));
    assertThat(run.out())
        .last()
        .isEqualTo("verified:   node B's file has the source's 8388608 bytes");
    // not a terminal: each step and the transfer's quarters as plain lines, no redraws
    assertThat(run.err())
        .anyMatch(line -> line.startsWith("[3/4] node B pulls the DAG from node A over graphsync"))
        .anyMatch(line -> line.contains("/ 8.00 MiB [") && line.contains("100.00% ETA 0s"))
        .noneMatch(line -> line.contains("\r"));
  }

  @Test
  void nodeAPushesTheFileToNodeBAndKeepsTheFolderWhenAsked() throws Exception {
    Path keep = scratch.resolve("kept");

    ProcessRun run =
        Launcher.dt4jWithin(
            DEMO_SECONDS,
            scratch,
            launcher,
            "demo",
            "--size",
            "8MiB",
            "--push",
            "--keep",
            keep.toString(),
            "--json",
            "-q");

    assertThat(run.exitCode()).as("%s", run.err()).isZero();
    // -q: no steps, no progress (logs and a newer JDK's warnings may still go to stderr)
    assertThat(run.err()).noneMatch(line -> line.startsWith("[") || line.contains("ETA"));
    JsonNode report = JSON.readTree(String.join("\n", run.out()));
    assertThat(report.get("verified").asBoolean()).isTrue();
    assertThat(report.get("direction").asText()).isEqualTo("push");
    assertThat(report.get("size").asLong()).isEqualTo(8 << 20);
    assertThat(report.get("sender").get("node").asText()).isEqualTo("A");
    assertThat(report.get("sender").get("status").asText()).isEqualTo("Completed");
    assertThat(report.get("receiver").get("status").asText()).isEqualTo("Completed");
    assertThat(report.get("receiver").get("received").asLong())
        .isEqualTo(report.get("sender").get("sent").asLong())
        .isEqualTo(report.get("dag_bytes").asLong());
    // the request's voucher covers the whole DAG; one more only if the responder asks to be paid
    assertThat(report.get("vouchers").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(report.get("work_dir").asText()).isEqualTo(keep.toString());
    assertThat(keep.resolve("received.bin")).hasSameBinaryContentAs(keep.resolve("source.bin"));
    assertThat(keep.resolve("a/blocks")).isDirectory();
    assertThat(keep.resolve("b/data")).isDirectory();
  }
}
