package io.dt4j.core.channels.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.dt4j.api.ChannelId;
import io.dt4j.core.channels.ChannelRecord;
import io.dt4j.core.channels.CidSet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that is writing to the store with SIGKILL at random points and checks that every
 * write it acknowledged is in the store afterwards, which opens without problems.
 */
class ChannelStoreCrashIT {
  private static final int RUNS = Integer.getInteger("dt4j.crash.runs", 20);
  private static final long LIMIT_SECONDS = Long.getLong("dt4j.crash.limitSeconds", 60);
  private static final int CHANNELS = 52;
  private static final long SEED = Long.getLong("dt4j.crash.seed", 20261125L);

  /**
   * The highest acknowledged sequence and CID count of one channel.
   *
   * @param sequence the sequence
   * @param cids the CID count after that write
   */
  record Ack(long sequence, long cids) {}

  @TempDir Path tempDir;

  @Test
  void everyAcknowledgedTransitionSurvivesAKillAtARandomPoint() {
    assertTimeoutPreemptively(Duration.ofSeconds(LIMIT_SECONDS), this::killRepeatedly);
  }

  private void killRepeatedly() throws Exception {
    Random random = new Random(SEED);
    for (int run = 0; run < RUNS; run++) {
      Path dataDir = tempDir.resolve("run-" + run);
      long killAfterMillis = 50 + random.nextInt(451);
      Map<ChannelId, Ack> acked = burstThenKill(dataDir, random.nextLong(), killAfterMillis);
      System.out.printf(
          "crash run %d: seed %d, killed %d ms after the first ack, %d channels, %d acknowledged writes%n",
          run,
          SEED,
          killAfterMillis,
          acked.size(),
          acked.values().stream().mapToLong(Ack::sequence).sum() + acked.size());
      assertThat(acked).as("acks before the kill in run %d", run).isNotEmpty();
      assertAcknowledgedWritesPresent(dataDir, acked);
    }
  }

  private Map<ChannelId, Ack> burstThenKill(Path dataDir, long childSeed, long killAfterMillis)
      throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Process child =
        new ProcessBuilder(
                java,
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                CrashBurstMain.class.getName(),
                dataDir.toString(),
                Integer.toString(CHANNELS),
                Long.toString(childSeed))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    Map<ChannelId, Ack> acked = new ConcurrentHashMap<>();
    AtomicLong firstAckNanos = new AtomicLong();
    Thread reader = new Thread(() -> readAcks(child.getInputStream(), acked, firstAckNanos));
    reader.start();
    long startedNanos = System.nanoTime();
    while (firstAckNanos.get() == 0 && child.isAlive()) {
      assertThat(System.nanoTime() - startedNanos).as("child started").isLessThan(20_000_000_000L);
      Thread.sleep(5);
    }
    Thread.sleep(killAfterMillis);
    assertThat(child.isAlive()).as("child still writing when killed").isTrue();
    child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no close
    assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    reader.join(10_000);
    return acked;
  }

  /** Reads complete lines only: a line cut by the kill has no newline and is not an ack. */
  private static void readAcks(InputStream in, Map<ChannelId, Ack> acked, AtomicLong firstAck) {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try (in) {
      for (int b = in.read(); b >= 0; b = in.read()) {
        if (b != '\n') {
          line.write(b);
          continue;
        }
        String[] parts = line.toString(StandardCharsets.US_ASCII).split(" ");
        line.reset();
        Ack ack = new Ack(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        acked.merge(
            ChannelId.parse(parts[0]), ack, (a, b2) -> a.sequence() >= b2.sequence() ? a : b2);
        firstAck.compareAndSet(0, System.nanoTime());
      }
    } catch (IOException e) {
      // the pipe closes when the child dies
    }
  }

  private static void assertAcknowledgedWritesPresent(Path dataDir, Map<ChannelId, Ack> acked) {
    try (MvStoreChannelStore store =
        MvStoreChannelStore.open(dataDir, MvStoreChannelStore.Options.DEFAULT)) {
      assertThat(store.problems()).as("problems on reopen").isEmpty();
      acked.forEach(
          (channel, ack) -> {
            ChannelRecord record =
                store
                    .get(channel)
                    .orElseThrow(
                        () -> new AssertionError("acknowledged channel missing: " + channel));
            long count = store.count(channel, CidSet.DATA_RECEIVED);
            long[] iterated = new long[1];
            store.forEach(channel, CidSet.DATA_RECEIVED, cid -> iterated[0]++);
            assertThat(record.sequence())
                .as("sequence of %s", channel)
                .isGreaterThanOrEqualTo(ack.sequence());
            assertThat(count)
                .as("CID count of %s", channel)
                .isGreaterThanOrEqualTo(ack.cids())
                .isEqualTo(record.receivedCidsCount())
                .isEqualTo(iterated[0]);
          });
      List<ChannelRecord> all = store.all();
      assertThat(all).hasSizeGreaterThanOrEqualTo(acked.size());
    }
  }
}
