package io.dt4j.core.manager.monitor;

import java.time.Duration;

/**
 * A one-shot timer of one monitored channel: its task runs on the channel's executor, and a firing
 * that raced with {@link #cancel()} or a later {@link #arm} is dropped there. Used only from tasks
 * of that executor, like all the channel's state.
 */
final class ChannelTimer {
  private final ChannelScope scope;
  private Scheduler.Cancellable pending;
  private long generation;

  ChannelTimer(ChannelScope scope) {
    this.scope = scope;
  }

  /** Runs {@code task} after {@code delay}, replacing whatever this timer held. */
  void arm(Duration delay, Runnable task) {
    cancel();
    long armed = generation;
    pending = scope.scheduler().schedule(delay, () -> scope.run(() -> fire(armed, task)));
  }

  /** Forgets the task if it has not run. */
  void cancel() {
    generation++;
    if (pending != null) {
      pending.cancel();
      pending = null;
    }
  }

  /** Returns whether a task waits to run. */
  boolean isArmed() {
    return pending != null;
  }

  private void fire(long armed, Runnable task) {
    if (armed != generation) {
      return;
    }
    pending = null;
    task.run();
  }
}
