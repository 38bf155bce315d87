package io.dt4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

/**
 * Two daemons of the unpacked distribution: {@code provider} holds a seeded random file, {@code
 * puller} pulls it; both have a channel monitor with small intervals (so a broken channel is
 * restarted within seconds). The test drives the pull and injects faults between polls.
 */
final class TransferPair implements AutoCloseable {
  /** Monitor settings small enough for a test: restarts within seconds, many allowed. */
  static final String CONF =
      String.join(
          "\n",
          "monitor.restart-debounce=2s",
          "monitor.restart-backoff=2s",
          "monitor.max-consecutive-restarts=200",
          "monitor.data-rate-interval=5s",
          "monitor.min-bytes-per-interval=1",
          "");

  /** The example voucher: deal-1 and 1 TiB paid (the provider still pauses after 1 MiB). */
  private static final List<Object> PAYMENT = List.of("deal-1", 1L << 40);

  final DaemonNode provider;
  final DaemonNode puller;
  final Path file;
  final String root;
  final long blocks;
  final long blockBytes;
  private final Path scratch;
  private Instant lastPayment = Instant.EPOCH;
  private int payments;

  private TransferPair(Path scratch, DaemonNode provider, DaemonNode puller, JsonNode imported) {
    this.scratch = scratch;
    this.provider = provider;
    this.puller = puller;
    this.file = scratch.resolve("data.bin");
    this.root = imported.get("root").asText();
    this.blocks = imported.get("blocks").asLong();
    this.blockBytes = imported.get("block_bytes").asLong();
  }

  /** Unpacks the distribution, starts both daemons and imports {@code size} seeded bytes. */
  static TransferPair start(Path scratch, long size, long seed) throws Exception {
    return start(scratch, size, seed, (name, port) -> "");
  }

  /**
   * Like {@link #start(Path, long, long)}, each node's conf extended by {@code moreConf}, given the
   * node's name and libp2p port before it starts (e.g. {@code announce=} a proxy in front of it).
   */
  static TransferPair start(
      Path scratch, long size, long seed, BiFunction<String, Integer, String> moreConf)
      throws Exception {
    Path installation = unpack(scratch);
    Path launcher = installation.resolve("bin/dt4j");
    Path plugins = installation.resolve("plugins");
    DaemonNode provider = new DaemonNode(launcher, plugins, scratch, "provider", CONF);
    DaemonNode puller = new DaemonNode(launcher, plugins, scratch, "puller", CONF);
    try {
      for (DaemonNode node : List.of(provider, puller)) {
        Files.writeString(
            node.home().resolve("conf/dt4j.conf"),
            moreConf.apply(node.home().getFileName().toString(), node.port()) + "\n",
            StandardOpenOption.APPEND);
      }
      provider.start();
      puller.start();
      return new TransferPair(scratch, provider, puller, imported(provider, scratch, size, seed));
    } catch (Exception | AssertionError e) {
      puller.close();
      provider.close();
      throw e;
    }
  }

  private static JsonNode imported(DaemonNode provider, Path scratch, long size, long seed)
      throws Exception {
    Path file = writeRandom(scratch.resolve("data.bin"), size, seed);
    return provider.post(
        "ClientImport",
        Map.of(
            "path",
            file.toString(),
            "profile",
            "kubo",
            "cid_version",
            0,
            "chunk_size",
            262144,
            "raw_leaves",
            false,
            "max_links",
            174));
  }

  /** Opens the pull of the file, dialling the provider on {@code viaPort}; returns the channel. */
  String pull(int viaPort) throws Exception {
    JsonNode opened =
        puller.post(
            "OpenPullDataChannel",
            Map.of(
                "address",
                provider.address(viaPort),
                "root",
                root,
                "voucher_type",
                "dt4j/ExampleVoucher",
                "voucher",
                PAYMENT));
    return opened.get("channel").asText();
  }

  /**
   * The puller's channel, or null while its daemon is down or has none. A channel the provider
   * paused for payment (the example revalidator's free megabyte, again after each provider restart,
   * which forgets its accounts) is paid with a new voucher, at most once a second.
   */
  JsonNode pullerChannel() {
    try {
      JsonNode channel = puller.isAlive() ? puller.channel() : null;
      if (channel != null
          && channel.get("status").asText().contains("ResponderPaused")
          && Instant.now().isAfter(lastPayment.plusSeconds(1))) {
        lastPayment = Instant.now();
        puller.post(
            "SendDataTransferVoucher",
            Map.of(
                "channel",
                channel.get("id").asText(),
                "voucher_type",
                "dt4j/ExampleVoucher",
                "voucher",
                PAYMENT));
        payments++;
      }
      return channel;
    } catch (Exception e) {
      return null;
    }
  }

  /** Vouchers sent to pay for a paused channel. */
  int payments() {
    return payments;
  }

  /** Waits for the channel to end; fails naming its last state if it does not within budget. */
  JsonNode awaitEnd(Duration budget) throws Exception {
    Instant deadline = Instant.now().plus(budget);
    JsonNode channel = null;
    while (Instant.now().isBefore(deadline)) {
      JsonNode seen = pullerChannel();
      channel = seen == null ? channel : seen;
      if (seen != null && isFinal(seen.get("status").asText())) {
        return seen;
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    throw new AssertionError("channel did not end within " + budget + ": " + channel);
  }

  /** Waits until the puller received {@code bytes}; the count then, or -1 if it ended before. */
  long awaitReceived(long bytes) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
    while (Instant.now().isBefore(deadline)) {
      JsonNode channel = pullerChannel();
      if (channel != null) {
        if (isFinal(channel.get("status").asText())) {
          return -1;
        }
        if (channel.get("received").asLong() >= bytes) {
          return channel.get("received").asLong();
        }
      }
      TimeUnit.MILLISECONDS.sleep(50);
    }
    throw new AssertionError("puller did not reach " + bytes + " bytes: " + pullerChannel());
  }

  static boolean isFinal(String status) {
    return List.of("Completed", "Failed", "Cancelled").contains(status);
  }

  /**
   * The channel completed, the exported file equals the original and each block was counted exactly
   * once: {@code received} is the DAG's bytes and {@code received_cids} its blocks. (A block stored
   * just before a kill but not yet recorded is counted when the restarted traversal loads it; a
   * block recorded is never asked for again.) Returns the bytes the counter is short of the DAG,
   * which the assertion makes 0 (kept for the callers that check it themselves).
   */
  long assertCompleteAndIdentical(JsonNode channel) throws Exception {
    assertThat(channel.get("status").asText()).as("%s", channel).isEqualTo("Completed");
    Path exported = scratch.resolve("exported-" + System.nanoTime() + ".bin");
    puller.post("ClientExport", Map.of("root", root, "path", exported.toString()));
    assertThat(Files.mismatch(exported, file)).as("first differing byte").isEqualTo(-1L);
    Files.delete(exported);
    assertThat(channel.get("received").asLong())
        .as("received bytes (each block once)")
        .isEqualTo(blockBytes);
    assertThat(channel.get("received_cids").asLong()).as("received cids").isEqualTo(blocks);
    return blockBytes - channel.get("received").asLong();
  }

  @Override
  public void close() throws Exception {
    puller.close();
    provider.close();
  }

  private static Path unpack(Path dir) throws Exception {
    Path archive = Path.of(System.getProperty("dt4j.dist.archive"));
    Process tar =
        new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", dir.toString())
            .inheritIO()
            .start();
    assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(tar.exitValue()).as("tar").isZero();
    return dir.resolve(System.getProperty("dt4j.dist.name")).toRealPath();
  }

  private static Path writeRandom(Path path, long size, long seed) throws IOException {
    Random random = new Random(seed);
    byte[] chunk = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(path)) {
      for (long left = size; left > 0; left -= chunk.length) {
        random.nextBytes(chunk);
        out.write(chunk, 0, (int) Math.min(chunk.length, left));
      }
    }
    return path;
  }
}
