package io.dt4j.core.testing;

import io.dt4j.api.ChannelId;
import io.dt4j.core.concurrency.SerialExecutor;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of a hub: a fixed pool with a bounded queue that runs every channel's serial lane,
 * and one timer thread that spaces the blocks of a slowed pump. Nothing waits on them: a parked or
 * slowed pump holds no thread.
 */
final class PumpThreads {
  private final ThreadPoolExecutor pool;
  private final ScheduledThreadPoolExecutor timer;
  private final Map<ChannelId, Executor> lanes = new ConcurrentHashMap<>();
  private volatile boolean stopped;

  /**
   * Starts the threads.
   *
   * @param threads the pool's threads
   * @param queueCapacity the pool's queue; each lane has at most one drain queued
   */
  PumpThreads(int threads, int queueCapacity) {
    pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(queueCapacity),
            named("loopback-pump"));
    timer = new ScheduledThreadPoolExecutor(1, named("loopback-timer"));
    timer.setRemoveOnCancelPolicy(true);
  }

  /** Returns the serial lane of a channel: its tasks run one at a time, in order, on the pool. */
  Executor laneOf(ChannelId channelId) {
    return lanes.computeIfAbsent(channelId, id -> new SerialExecutor(this::runOnPool));
  }

  /** Runs {@code task} now, or after {@code delay} on the timer. */
  void later(Duration delay, Runnable task) {
    if (delay.isZero()) {
      task.run();
      return;
    }
    try {
      timer.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException rejected) {
      if (!stopped) {
        throw rejected;
      }
    }
  }

  /** Lets queued tasks finish (a few seconds at most), then stops every thread. */
  void stop() {
    stopped = true;
    timer.shutdownNow();
    pool.shutdown();
    try {
      if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException interrupted) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void runOnPool(Runnable task) {
    try {
      pool.execute(task);
    } catch (RejectedExecutionException rejected) {
      // After stop() the requests are over and their remaining tasks may go.
      if (!stopped) {
        throw rejected;
      }
    }
  }

  private static ThreadFactory named(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
