package io.dt4j.core.manager.monitor;

import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * A scheduler on virtual time for tests: nothing runs until the test advances the clock; then the
 * tasks that fall due run on the test's thread, in time order, ties in the order they were
 * scheduled. Tasks scheduled while advancing run in the same call if they fall due.
 */
final class ManualScheduler implements Scheduler {
  private record Task(long due, long order, Runnable body) {}

  private final PriorityQueue<Task> queue =
      new PriorityQueue<>(Comparator.comparingLong(Task::due).thenComparingLong(Task::order));
  private long now;
  private long order;

  @Override
  public Cancellable schedule(Duration delay, Runnable body) {
    Task task = new Task(now + Math.max(0, delay.toNanos()), order++, body);
    queue.add(task);
    return () -> queue.remove(task);
  }

  /** Moves the clock forward, running every task that falls due on the way. */
  void advance(Duration step) {
    long until = now + step.toNanos();
    for (Task task = queue.peek(); task != null && task.due() <= until; task = queue.peek()) {
      queue.poll();
      now = task.due();
      task.body().run();
    }
    now = until;
  }

  /** Runs what is due now, without moving the clock. */
  void runDue() {
    advance(Duration.ZERO);
  }

  /** Returns the virtual time since the scheduler was created. */
  Duration elapsed() {
    return Duration.ofNanos(now);
  }

  /** Returns how many tasks wait to run. */
  int pending() {
    return queue.size();
  }
}
