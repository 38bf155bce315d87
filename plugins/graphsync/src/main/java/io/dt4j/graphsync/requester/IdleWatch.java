package io.dt4j.graphsync.requester;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Ends a request that hears nothing for too long (graphsync spec §5.7): one timer at a time, which
 * checks on the request's executor whether anything happened since and, if not, fires; while the
 * request is paused it only waits again. Owned by the peer's executor, except the timer.
 */
final class IdleWatch {
  private final Duration timeout;
  private final ScheduledExecutorService timers;
  private final Executor executor;
  private final BooleanSupplier waiting;
  private final Runnable onIdle;
  private long lastActivity;

  /**
   * Creates a watch; {@link #start()} arms it.
   *
   * @param timeout how long silence may last; zero disables the watch
   * @param timers runs the timer
   * @param executor where the check runs
   * @param waiting true while the request waits for the network (not paused, not ended)
   * @param onIdle called once when the timeout passed in silence
   */
  IdleWatch(
      Duration timeout,
      ScheduledExecutorService timers,
      Executor executor,
      BooleanSupplier waiting,
      Runnable onIdle) {
    this.timeout = timeout;
    this.timers = timers;
    this.executor = executor;
    this.waiting = waiting;
    this.onIdle = onIdle;
  }

  void start() {
    touch();
    schedule(timeout.toNanos());
  }

  /** Something happened: the silence starts again. */
  void touch() {
    lastActivity = System.nanoTime();
  }

  private void schedule(long delayNanos) {
    if (delayNanos > 0) {
      timers.schedule(() -> executor.execute(this::check), delayNanos, TimeUnit.NANOSECONDS);
    }
  }

  private void check() {
    long idle = System.nanoTime() - lastActivity;
    long limit = timeout.toNanos();
    if (!waiting.getAsBoolean()) {
      touch();
      schedule(limit);
    } else if (idle < limit) {
      schedule(limit - idle);
    } else {
      onIdle.run();
    }
  }
}
