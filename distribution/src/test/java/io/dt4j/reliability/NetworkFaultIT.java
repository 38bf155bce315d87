package io.dt4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Network-fault suite (issue 14, item 2): a pull between two daemon processes through a loopback
 * {@link FaultProxy} that throttles, resets (RST) the connections three times, stalls them and
 * half-closes them. Each fault is followed by progress (the monitor restarts the channel, or a
 * restart from the puller), and the channel ends Completed with the file's exact bytes. {@code
 * -Ddt4j.faults.size}, {@code -Ddt4j.faults.stall} (seconds; {@code -Preliability-long}: 120) and
 * {@code -Ddt4j.faults.bandwidth} (bytes per second per direction) size it.
 */
class NetworkFaultIT {
  @TempDir Path scratch;

  @Test
  void pullThroughResetsAStallAndAHalfCloseCompletesWithTheExactBytes() throws Exception {
    long size = Long.getLong("dt4j.faults.size", 32L << 20);
    long stall = Long.getLong("dt4j.faults.stall", 8);
    try (TransferPair pair = TransferPair.start(scratch, size, 14);
        FaultProxy proxy = new FaultProxy(pair.provider.port())) {
      proxy.bandwidth(Long.getLong("dt4j.faults.bandwidth", 8L << 20));
      proxy.latency(Duration.ofMillis(Long.getLong("dt4j.faults.latency", 1)));
      Instant started = Instant.now();
      String channel = pair.pull(proxy.port());
      Recovery recovery = new Recovery(pair, channel);
      Fault[] schedule = {
        new Fault(0.15, "reset", proxy::resetAll),
        new Fault(0.3, "stall " + stall + " s", () -> stall(proxy, stall)),
        new Fault(0.45, "reset", proxy::resetAll),
        new Fault(0.6, "half-close", proxy::halfCloseAll),
        new Fault(0.75, "reset", proxy::resetAll),
      };
      int injected = 0;
      for (Fault fault : schedule) {
        long at = pair.awaitReceived((long) (fault.point() * pair.blockBytes));
        if (at < 0) {
          break;
        }
        Instant faultAt = Instant.now();
        int connections = fault.action().run();
        injected++;
        System.out.printf(
            "fault %s at %d of %d bytes (%d connections)%n",
            fault.name(), at, pair.blockBytes, connections);
        recovery.await(
            faultAt, at, Duration.ofSeconds(20 + stall), Duration.ofSeconds(180 + stall));
      }
      JsonNode end = pair.awaitEnd(Duration.ofMinutes(10));
      assertThat(pair.assertCompleteAndIdentical(end)).as("bytes not counted").isZero();
      System.out.printf(
          "network-fault suite: 1 transfer, %d bytes verified, %d faults, %d connections, %d"
              + " manual restarts, %d payments, worst recovery %d ms, total %d s%n",
          size,
          injected,
          proxy.accepted(),
          recovery.manualRestarts(),
          pair.payments(),
          recovery.worst().toMillis(),
          Duration.between(started, Instant.now()).toSeconds());
    }
  }

  private static int stall(FaultProxy proxy, long seconds) {
    proxy.stall(Duration.ofSeconds(seconds));
    return 0;
  }

  /** One fault of the schedule, injected once the puller has the given share of the bytes. */
  private record Fault(double point, String name, Action action) {}

  /** Injects a fault; returns how many connections it hit. */
  @FunctionalInterface
  private interface Action {
    int run();
  }
}
