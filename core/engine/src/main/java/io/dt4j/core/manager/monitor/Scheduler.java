package io.dt4j.core.manager.monitor;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the channel monitor runs its work and its timers: the only source of time the monitor uses,
 * so that a test can drive it with a clock it advances by hand.
 */
@FunctionalInterface
public interface Scheduler {

  /**
   * Runs a task once after a delay.
   *
   * @param delay how long to wait; zero or negative runs it as soon as possible
   * @param task what to run; never on the caller's thread
   * @return a handle that cancels the task if it has not started
   */
  Cancellable schedule(Duration delay, Runnable task);

  /** Cancels a scheduled task. */
  @FunctionalInterface
  interface Cancellable {
    /** Cancels the task if it has not started; does nothing otherwise. */
    void cancel();
  }

  /**
   * Returns a scheduler backed by an executor that the caller owns (and shuts down). Tasks offered
   * after the executor shut down are dropped, since nothing is left to monitor then. With a {@link
   * java.util.concurrent.ScheduledThreadPoolExecutor}, {@code setRemoveOnCancelPolicy(true)} frees
   * cancelled timers at once instead of when they fall due.
   *
   * @param executor the executor
   * @return the scheduler
   */
  static Scheduler of(ScheduledExecutorService executor) {
    Logger log = LoggerFactory.getLogger(Scheduler.class);
    return (delay, task) -> {
      long nanos;
      try {
        nanos = delay.toNanos();
      } catch (ArithmeticException overflow) {
        nanos = delay.isNegative() ? 0 : Long.MAX_VALUE;
      }
      try {
        ScheduledFuture<?> future = executor.schedule(task, nanos, TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
      } catch (RejectedExecutionException shutDown) {
        log.debug("channel monitor task dropped: the executor is shut down");
        return () -> {};
      }
    };
  }
}
