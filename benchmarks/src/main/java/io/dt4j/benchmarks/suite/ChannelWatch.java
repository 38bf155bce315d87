package io.dt4j.benchmarks.suite;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Follows a daemon's event stream and notes when each channel first reached an end (Completed,
 * Failed or Cancelled), by {@link System#nanoTime()}; subscribe before opening channels so that no
 * end is missed.
 */
final class ChannelWatch implements AutoCloseable {
  private static final Set<String> ENDS = Set.of("Completed", "Failed", "Cancelled");

  /** How a channel ended, and when this watch saw it. */
  record End(String status, String message, long nanos) {
    boolean completed() {
      return status.equals("Completed");
    }
  }

  private final Stream<String> lines;
  private final Map<String, End> ends = new ConcurrentHashMap<>();
  private final Map<String, CountDownLatch> waiters = new ConcurrentHashMap<>();
  private final Thread reader;
  private volatile String broken;

  ChannelWatch(AdminApi api) throws StepException, IOException, InterruptedException {
    this.lines = api.events();
    this.reader = new Thread(this::read, "channel watch");
    reader.setDaemon(true);
    reader.start();
  }

  private void read() {
    try {
      lines.forEach(this::line);
      broken = "the daemon closed its event stream";
    } catch (RuntimeException e) {
      broken = "event stream failed: " + e;
    }
    waiters.values().forEach(CountDownLatch::countDown);
  }

  private void line(String line) {
    if (!line.startsWith("data:")) {
      return;
    }
    long now = System.nanoTime();
    try {
      JsonNode channel = AdminApi.JSON.readTree(line.substring(5)).path("channel");
      String status = channel.path("status").asText();
      if (ENDS.contains(status)) {
        String id = channel.path("id").asText();
        if (ends.putIfAbsent(id, new End(status, channel.path("message").asText(), now)) == null) {
          latch(id).countDown();
        }
      }
    } catch (IOException e) {
      broken = "unreadable event: " + line;
    }
  }

  private CountDownLatch latch(String id) {
    return waiters.computeIfAbsent(id, k -> new CountDownLatch(1));
  }

  /** Waits for a channel's end. */
  End await(String id, Duration timeout) throws StepException, InterruptedException {
    if (!latch(id).await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new StepException(
          "channel " + id + " did not end within " + timeout.toSeconds() + " s");
    }
    End end = ends.get(id);
    if (end == null) {
      throw new StepException(broken != null ? broken : "channel " + id + " has no end");
    }
    return end;
  }

  /**
   * Waits for a channel's end until {@code deadline} (a {@link System#nanoTime()}); empty if it has
   * not ended by then.
   */
  Optional<End> awaitUntil(String id, long deadline) throws InterruptedException {
    latch(id).await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    return Optional.ofNullable(ends.get(id));
  }

  @Override
  public void close() {
    lines.close();
    reader.interrupt();
  }
}
