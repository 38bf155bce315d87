package io.dt4j.core.manager.monitor;

import io.dt4j.api.ChannelId;
import io.dt4j.api.PeerId;
import io.dt4j.core.concurrency.SerialExecutor;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ownership domain of one monitored channel: its serial executor on the monitor's scheduler,
 * and whether it is still monitored. Every piece of the channel's monitoring state is read and
 * written only by tasks that {@link #run} started, one at a time and in order; once {@link #stop}
 * was called no further task runs.
 */
final class ChannelScope {
  private static final Logger log = LoggerFactory.getLogger(ChannelScope.class);

  private final ChannelId channelId;
  private final PeerId otherPeer;
  private final MonitorConfig config;
  private final MonitorTarget target;
  private final Scheduler scheduler;
  private final SerialExecutor serial;
  private final AtomicBoolean stopped = new AtomicBoolean();

  ChannelScope(
      ChannelId channelId,
      PeerId otherPeer,
      MonitorConfig config,
      MonitorTarget target,
      Scheduler scheduler) {
    this.channelId = channelId;
    this.otherPeer = otherPeer;
    this.config = config;
    this.target = target;
    this.scheduler = scheduler;
    this.serial = new SerialExecutor(task -> scheduler.schedule(Duration.ZERO, task));
  }

  ChannelId channelId() {
    return channelId;
  }

  PeerId otherPeer() {
    return otherPeer;
  }

  MonitorConfig config() {
    return config;
  }

  MonitorTarget target() {
    return target;
  }

  Scheduler scheduler() {
    return scheduler;
  }

  /** Runs a task on the channel's executor, unless the channel is no longer monitored by then. */
  void run(Runnable task) {
    serial.execute(
        () -> {
          if (stopped.get()) {
            return;
          }
          try {
            task.run();
          } catch (RuntimeException bug) {
            log.error("{}: channel monitor task failed", channelId, bug);
          }
        });
  }

  /**
   * Calls the target and continues on the channel's executor with the failure, or null on success.
   * A call that throws instead of returning a failed stage counts as failed.
   */
  void call(Supplier<CompletionStage<Void>> request, Consumer<Throwable> next) {
    stage(request).whenComplete((ignored, failure) -> run(() -> next.accept(unwrap(failure))));
  }

  /** Returns the stage of a call to the target, a failed one if the call threw. */
  static CompletionStage<Void> stage(Supplier<CompletionStage<Void>> request) {
    try {
      return request.get();
    } catch (RuntimeException failure) {
      return CompletableFuture.failedFuture(failure);
    }
  }

  /** Returns the cause a {@link CompletionException} wraps, or the failure itself. */
  static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  /** Returns a new one-shot timer of this channel. */
  ChannelTimer newTimer() {
    return new ChannelTimer(this);
  }

  /**
   * Ends monitoring: no task starts after this, and {@code cleanup} runs on the channel's executor
   * once the task in progress, if any, finished.
   *
   * @return whether this call ended it (false if it had ended already)
   */
  boolean stop(Runnable cleanup) {
    if (!stopped.compareAndSet(false, true)) {
      return false;
    }
    serial.execute(cleanup);
    return true;
  }
}
