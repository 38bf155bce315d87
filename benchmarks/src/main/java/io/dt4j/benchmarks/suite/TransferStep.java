package io.dt4j.benchmarks.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dt4j.benchmarks.voucher.BenchVoucher;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * dt4j graphsync pull and push between two daemon processes of the unpacked distribution on one
 * JDK. A providing daemon imports each generated file once; every transfer then goes to a fresh
 * receiving daemon (so no block is already there and its peak RSS is that transfer's), timed from
 * the open request to the initiator's Completed event. The first pull of each size is exported and
 * its SHA-256 compared with the file's.
 */
final class TransferStep {
  /** Slower than any transfer measured here, so a time-out means a hang. */
  static final double SLOWEST_BYTES_PER_SECOND = 5e6;

  private final SuiteOptions options;
  private final SuiteOptions.Jdk jdk;
  private final Path work;

  TransferStep(SuiteOptions options, SuiteOptions.Jdk jdk) {
    this.options = options;
    this.jdk = jdk;
    this.work = options.work().resolve("transfer-" + jdk.label());
  }

  void run(Recorder recorder) throws Exception {
    for (long size : options.sizes()) {
      for (boolean pull : List.of(true, false)) {
        recorder.expect(FigureNames.transfer(pull, size), jdk.label(), "MB/s", options.repeats());
        recorder.expect(FigureNames.receiverRss(pull, size), jdk.label(), "MB", options.repeats());
      }
    }
    recorder.expect(FigureNames.PROVIDER_RSS, jdk.label(), "MB", 1);
    TestFiles.deleteTree(work);
    try (DaemonNode provider = DaemonNode.start(options, jdk.home(), work.resolve("provider"))) {
      for (long size : options.sizes()) {
        Path file = TestFiles.random(options.work(), size);
        String root = importFile(provider, file);
        for (int repeat = 1; repeat <= options.repeats(); repeat++) {
          for (boolean pull : List.of(true, false)) {
            transfer(recorder, provider, file, root, size, pull, repeat == 1 && pull);
          }
        }
      }
      provider
          .peakRssMb()
          .ifPresent(mb -> recorder.add(FigureNames.PROVIDER_RSS, jdk.label(), "MB", mb));
    }
  }

  private String importFile(DaemonNode provider, Path file) throws Exception {
    return provider
        .api()
        .post("ClientImport", importRequest(file), Duration.ofMinutes(10))
        .path("root")
        .asText();
  }

  /** {@code ClientImport} of a file with the ipfs-car layout. */
  static ObjectNode importRequest(Path file) {
    return AdminApi.JSON
        .createObjectNode()
        .put("path", file.toAbsolutePath().toString())
        .put("profile", "ipfs-car")
        .put("cid_version", 1)
        .put("chunk_size", 1 << 20)
        .put("raw_leaves", true)
        .put("max_links", 1024);
  }

  private void transfer(
      Recorder recorder,
      DaemonNode provider,
      Path file,
      String root,
      long size,
      boolean pull,
      boolean verify)
      throws Exception {
    Path home = work.resolve("receiver");
    TestFiles.deleteTree(home);
    Duration timeout = Duration.ofSeconds(60 + (long) (size / SLOWEST_BYTES_PER_SECOND));
    try (DaemonNode receiver = DaemonNode.start(options, jdk.home(), home)) {
      DaemonNode initiator = pull ? receiver : provider;
      DaemonNode other = pull ? provider : receiver;
      try (ChannelWatch watch = new ChannelWatch(initiator.api())) {
        long start = System.nanoTime();
        String id =
            initiator
                .api()
                .post(
                    pull ? "OpenPullDataChannel" : "OpenPushDataChannel",
                    open(other.address(), root),
                    timeout)
                .path("channel")
                .asText();
        ChannelWatch.End end = awaitEnd(watch, initiator, id, timeout);
        if (!end.completed()) {
          throw new StepException(
              FigureNames.transfer(pull, size) + " ended " + end.status() + ": " + end.message());
        }
        double seconds = (end.nanos() - start) / 1e9;
        recorder.add(FigureNames.transfer(pull, size), jdk.label(), "MB/s", size / seconds / 1e6);
      }
      receiver
          .peakRssMb()
          .ifPresent(
              mb -> recorder.add(FigureNames.receiverRss(pull, size), jdk.label(), "MB", mb));
      if (verify) {
        verifyExport(receiver, file, root);
      }
    }
  }

  /** Waits for the end; a time-out names the channel's status and bytes then. */
  private static ChannelWatch.End awaitEnd(
      ChannelWatch watch, DaemonNode initiator, String id, Duration timeout) throws Exception {
    try {
      return watch.await(id, timeout);
    } catch (StepException e) {
      JsonNode channel =
          initiator.api().get("DataTransferChannel", "channel", id, Duration.ofSeconds(10));
      throw new StepException(
          "no end within "
              + timeout.toSeconds()
              + " s: channel "
              + channel.path("status").asText()
              + " after "
              + channel.path("transferred").asLong()
              + " bytes "
              + channel.path("message").asText(""));
    }
  }

  static ObjectNode open(String address, String root) {
    ObjectNode request = AdminApi.JSON.createObjectNode().put("address", address).put("root", root);
    request.put("voucher_type", BenchVoucher.TYPE.toString());
    request.put("voucher", "benchmark");
    return request;
  }

  private void verifyExport(DaemonNode receiver, Path file, String root) throws Exception {
    Path out = work.resolve("export.bin");
    Files.deleteIfExists(out);
    receiver
        .api()
        .post(
            "ClientExport",
            Map.of("root", root, "path", out.toAbsolutePath().toString()),
            Duration.ofMinutes(10));
    String expected = sha256(file);
    String actual = sha256(out);
    Files.deleteIfExists(out);
    if (!expected.equals(actual)) {
      throw new StepException(
          "exported file's SHA-256 " + actual + " differs from the original's " + expected);
    }
  }

  static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 20];
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
