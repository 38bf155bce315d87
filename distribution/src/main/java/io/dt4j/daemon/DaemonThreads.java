package io.dt4j.daemon;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Names the daemon's threads ({@code name-1}, {@code name-2}, ...) and never keeps the JVM up. */
public final class DaemonThreads {
  private DaemonThreads() {}

  /**
   * Returns a factory of daemon threads.
   *
   * @param name the threads' name prefix, e.g. {@code dt4j-admin}
   * @return the factory
   */
  public static ThreadFactory named(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
