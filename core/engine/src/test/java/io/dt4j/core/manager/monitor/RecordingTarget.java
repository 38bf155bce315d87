package io.dt4j.core.manager.monitor;

import io.dt4j.api.ChannelId;
import io.dt4j.api.PeerId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link MonitorTarget} that records each call as {@code "<virtual time> <call> <transfer id>"},
 * e.g. {@code "10s restart 1"}, and answers as the test told it (from any thread): success by
 * default, a number of failures first, or a stage the test completes itself.
 */
final class RecordingTarget implements MonitorTarget {
  private final ManualScheduler clock;
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final List<CompletableFuture<Void>> heldRestarts = new ArrayList<>();
  private int connectFailures;
  private int restartFailures;
  private boolean holdRestarts;

  RecordingTarget(ManualScheduler clock) {
    this.clock = clock;
  }

  /** Returns the calls so far. */
  List<String> calls() {
    return List.copyOf(calls);
  }

  /** Makes the next {@code count} connects fail. */
  void failConnects(int count) {
    connectFailures = count;
  }

  /** Makes the next {@code count} restarts fail. */
  void failRestarts(int count) {
    restartFailures = count;
  }

  /** Makes restarts return stages that only the test completes, through {@link #heldRestarts}. */
  void holdRestarts() {
    holdRestarts = true;
  }

  /** Returns the stages of held restarts, oldest first. */
  List<CompletableFuture<Void>> heldRestarts() {
    return heldRestarts;
  }

  @Override
  public CompletionStage<Void> connectWithRetry(PeerId peer) {
    calls.add(GoDuration.format(clock.elapsed()) + " connect " + MonitorFixtures.name(peer));
    return outcome(connectFailures-- > 0, "peer unreachable");
  }

  @Override
  public CompletionStage<Void> restartChannel(ChannelId channelId) {
    calls.add(GoDuration.format(clock.elapsed()) + " restart " + channelId.id());
    if (holdRestarts) {
      CompletableFuture<Void> held = new CompletableFuture<>();
      heldRestarts.add(held);
      return held;
    }
    return outcome(restartFailures-- > 0, "restart refused");
  }

  @Override
  public CompletionStage<Void> closeChannelWithError(ChannelId channelId, String message) {
    calls.add(GoDuration.format(clock.elapsed()) + " close " + channelId.id() + ": " + message);
    return CompletableFuture.completedFuture(null);
  }

  private static CompletionStage<Void> outcome(boolean fail, String why) {
    return fail
        ? CompletableFuture.failedFuture(new IllegalStateException(why))
        : CompletableFuture.completedFuture(null);
  }
}
