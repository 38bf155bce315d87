package io.dt4j.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash suite (issue 14, item 1): a pull between two daemon processes while either side is killed
 * with SIGKILL at seeded random points and started again on the same home and port. The transfer
 * completes, the exported file is identical and the puller counted each block exactly once. The
 * seed is printed and can be set with {@code -Ddt4j.crash.seed}; size and kills with {@code
 * -Ddt4j.crash.size} (bytes) and {@code -Ddt4j.crash.kills} ({@code -Preliability-long}: 1 GiB, 20
 * kills).
 */
class CrashIT {
  // a failed run keeps its daemons' homes and logs for a look
  @TempDir(cleanup = CleanupMode.ON_SUCCESS)
  Path scratch;

  @Test
  void pullSurvivesEitherSideKilledAndRestartedOnTheSameHome() throws Exception {
    long seed = Long.getLong("dt4j.crash.seed", System.nanoTime());
    long size = Long.getLong("dt4j.crash.size", 64L << 20);
    int kills = Integer.getInteger("dt4j.crash.kills", 4);
    System.out.printf(
        "crash suite: seed %d (-Ddt4j.crash.seed), %d bytes, %d kills%n", seed, size, kills);
    Random random = new Random(seed);
    double[] points = random.doubles(kills, 0.05, 0.9).sorted().toArray();
    try (TransferPair pair = TransferPair.start(scratch, size, seed)) {
      Instant started = Instant.now();
      String channel = pair.pull(pair.provider.port());
      Recovery recovery = new Recovery(pair, channel);
      int done = 0;
      for (double point : points) {
        long at = pair.awaitReceived((long) (point * pair.blockBytes));
        if (at < 0) {
          break;
        }
        DaemonNode victim = random.nextBoolean() ? pair.provider : pair.puller;
        Instant killedAt = Instant.now();
        victim.kill();
        done++;
        TimeUnit.MILLISECONDS.sleep(random.nextInt(1500));
        victim.start();
        // nothing is dialled or restarted by hand: a restarted puller's monitor restarts the
        // channel and dials the provider at the address it kept in its home (data/peers.txt)
        recovery.await(killedAt, at, Duration.ofSeconds(20), Duration.ofMinutes(3));
        System.out.printf(
            "kill %d of %s at %d of %d bytes%n",
            done, victim.home().getFileName(), at, pair.blockBytes);
      }
      JsonNode end = pair.awaitEnd(Duration.ofMinutes(Long.getLong("dt4j.crash.minutes", 10)));
      pair.assertCompleteAndIdentical(end);
      System.out.printf(
          "crash suite: 1 transfer, %d bytes verified, %d kills at %s, %d manual restarts, %d payments, worst"
              + " recovery %d ms, total %d s%n",
          size,
          done,
          Arrays.toString(points),
          recovery.manualRestarts(),
          pair.payments(),
          recovery.worst().toMillis(),
          Duration.between(started, Instant.now()).toSeconds());
    }
  }
}
