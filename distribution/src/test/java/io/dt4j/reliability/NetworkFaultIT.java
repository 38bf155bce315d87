package io.dt4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Network-fault suite (issue 14, item 2): a pull between two daemon processes whose every
 * connection runs through a loopback {@link FaultProxy} in front of each daemon (each announces its
 * proxy's address through identify, {@code announce=}, so a redial in either direction goes through
 * a proxy too). The proxies add 100 ms of latency each way and cap the bandwidth; during the pull
 * they reset (RST) every connection three times, stall them for longer than the channel monitor's
 * data-rate interval, and half-close them. After each fault the pull must move again (the monitor
 * restarts it; the puller restarts it by hand only as a fallback), and at the end both sides are
 * Completed, the exported file has the original bytes and no block crossed the wire twice
 * (graphsync's {@code duplicateBlocks} is 0: restarts resume with {@code do-not-send-cids}).
 *
 * <p>This is the proxy variant of the suite: network namespaces work on the CI machine, but its
 * kernel has no {@code netem} qdisc, so packet loss and kernel-level delay cannot be injected; the
 * proxy injects latency, bandwidth, stalls, resets and half-closes at the TCP level instead. {@code
 * -Ddt4j.faults.size}, {@code -Ddt4j.faults.stall} (seconds; {@code -Preliability-long}: 120),
 * {@code -Ddt4j.faults.latency} (ms) and {@code -Ddt4j.faults.bandwidth} (bytes per second per
 * direction) size it.
 */
class NetworkFaultIT {
  @TempDir Path scratch;
  private final Map<String, FaultProxy> proxies = new ConcurrentHashMap<>();

  @Test
  void pullThroughResetsAStallAndAHalfCloseCompletesWithTheExactBytesSentOnce() throws Exception {
    long size = Long.getLong("dt4j.faults.size", 32L << 20);
    long stall = Long.getLong("dt4j.faults.stall", 8);
    try (TransferPair pair = TransferPair.start(scratch, size, 14, this::proxyInFront)) {
      for (FaultProxy proxy : proxies.values()) {
        proxy.bandwidth(Long.getLong("dt4j.faults.bandwidth", 8L << 20));
        proxy.latency(Duration.ofMillis(Long.getLong("dt4j.faults.latency", 100)));
      }
      Instant started = Instant.now();
      String channel = pair.pull(proxies.get("provider").port());
      Recovery recovery = new Recovery(pair, channel);
      Fault[] schedule = {
        new Fault(0.15, "reset", FaultProxy::resetAll),
        new Fault(0.3, "stall", p -> stall(p, stall)),
        new Fault(0.45, "reset", FaultProxy::resetAll),
        new Fault(0.6, "half-close", FaultProxy::halfCloseAll),
        new Fault(0.75, "reset", FaultProxy::resetAll),
      };
      int injected = 0;
      int resets = 0;
      for (Fault fault : schedule) {
        long at = pair.awaitReceived((long) (fault.point() * pair.blockBytes));
        if (at < 0) {
          break;
        }
        Instant faultAt = Instant.now();
        int acceptedBefore = accepted();
        int connections = proxies.values().stream().mapToInt(fault.action()).sum();
        injected++;
        resets += fault.name().equals("reset") ? 1 : 0;
        System.out.printf(
            "fault %s at %d of %d bytes (%d connections)%n",
            fault.name(), at, pair.blockBytes, connections);
        if (connections > 0) {
          // bytes already past the proxy still arrive: recovery is progress over a new connection
          await("a new connection after the " + fault.name())
              .atMost(Duration.ofSeconds(180 + stall))
              .until(() -> accepted() > acceptedBefore || isFinal(pair));
          at = pair.awaitReceived(0);
          if (at < 0) {
            break;
          }
        }
        if (fault.name().equals("stall")) {
          // recovery counts from the stall's end: no byte can move before it
          TimeUnit.SECONDS.sleep(stall);
          faultAt = Instant.now();
          at = pair.awaitReceived(0);
          if (at < 0) {
            break;
          }
        }
        recovery.await(
            faultAt, at, Duration.ofSeconds(20 + stall), Duration.ofSeconds(180 + stall));
      }
      JsonNode end = pair.awaitEnd(Duration.ofMinutes(10));
      assertThat(pair.assertCompleteAndIdentical(end)).as("bytes not counted").isZero();
      assertThat(end.get("transport_counters").get("duplicateBlocks").asLong())
          .as("blocks that crossed the wire twice: %s", end.get("transport_counters"))
          .isZero();
      await("the provider's channel completes")
          .atMost(Duration.ofMinutes(1))
          .until(() -> "Completed".equals(pair.provider.channel().get("status").asText()));
      System.out.printf(
          "network-fault suite: 1 transfer, %d bytes verified, %d faults (%d resets), %d"
              + " connections, %d monitor restarts, %d manual restarts, %d payments, worst"
              + " recovery %d ms, total %d s%n",
          size,
          injected,
          resets,
          accepted(),
          countInLogs("puller", "sending restart message"),
          recovery.manualRestarts(),
          pair.payments(),
          recovery.worst().toMillis(),
          Duration.between(started, Instant.now()).toSeconds());
    } finally {
      proxies.values().forEach(FaultProxy::close);
    }
  }

  private int accepted() {
    return proxies.values().stream().mapToInt(FaultProxy::accepted).sum();
  }

  private static boolean isFinal(TransferPair pair) {
    JsonNode channel = pair.pullerChannel();
    return channel != null && TransferPair.isFinal(channel.get("status").asText());
  }

  /** Starts a proxy in front of a node and makes the node announce it. */
  private String proxyInFront(String node, int port) {
    try {
      FaultProxy proxy = new FaultProxy(port);
      proxies.put(node, proxy);
      return "announce=/ip4/127.0.0.1/tcp/" + proxy.port();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Lines of a node's daemon output (all its starts) that contain {@code text}. */
  private long countInLogs(String node, String text) throws IOException {
    try (Stream<Path> files = Files.list(scratch)) {
      return files
          .filter(f -> f.getFileName().toString().matches(node + "\\.\\d+\\.(out|err)"))
          .flatMap(NetworkFaultIT::lines)
          .filter(line -> line.contains(text))
          .count();
    }
  }

  private static Stream<String> lines(Path file) {
    try {
      return Files.readAllLines(file).stream();
    } catch (IOException e) {
      return Stream.empty();
    }
  }

  private static int stall(FaultProxy proxy, long seconds) {
    proxy.stall(Duration.ofSeconds(seconds));
    return 0;
  }

  /**
   * One fault of the schedule, injected on every proxy once the puller has the given share of the
   * bytes; the action returns how many connections it hit.
   */
  private record Fault(double point, String name, ToIntFunction<FaultProxy> action) {}
}
