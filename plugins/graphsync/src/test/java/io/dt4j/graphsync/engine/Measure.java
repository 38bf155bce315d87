package io.dt4j.graphsync.engine;

import java.lang.management.ManagementFactory;

/**
 * Wall time, process CPU time, the CPU time of the Java threads (the process less GC and the JIT
 * compilers, so less disturbed by a large live heap and by warm-up) and heap allocation (of the
 * live threads) of one transfer, for the throughput scenarios. CPU and allocation are also given
 * per GiB moved: on a shared machine they vary far less than the wall rate.
 */
public final class Measure {
  private static final double GIB = 1L << 30;
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final long wallStart = System.nanoTime();
  private final long cpuStart = OS.getProcessCpuTime();
  private final long allocatedStart = allocated();
  private final long threadCpuStart = threadCpu();
  private double seconds;
  private double cpuSeconds;
  private long allocatedBytes;
  private double threadCpuSeconds;
  private long bytes;

  private Measure() {}

  /** Starts measuring now. */
  public static Measure start() {
    return new Measure();
  }

  /** Stops measuring a transfer of {@code transferred} bytes. */
  public void stop(long transferred) {
    seconds = (System.nanoTime() - wallStart) / 1e9;
    cpuSeconds = (OS.getProcessCpuTime() - cpuStart) / 1e9;
    allocatedBytes = allocated() - allocatedStart;
    threadCpuSeconds = (threadCpu() - threadCpuStart) / 1e9;
    bytes = transferred;
  }

  /** {@return the throughput in MB/s (10^6 bytes)} */
  public double megabytesPerSecond() {
    return bytes / 1e6 / seconds;
  }

  /** {@return the process CPU seconds per GiB moved} */
  public double cpuSecondsPerGib() {
    return cpuSeconds / (bytes / GIB);
  }

  /** {@return the CPU seconds of the Java threads per GiB moved} */
  public double threadCpuSecondsPerGib() {
    return threadCpuSeconds / (bytes / GIB);
  }

  /** The CPU time of the live Java threads but the JIT compilers, which a short run keeps busy. */
  private static long threadCpu() {
    long total = 0;
    for (java.lang.management.ThreadInfo thread :
        THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (thread != null && !thread.getThreadName().contains("CompilerThread")) {
        total += Math.max(0, THREADS.getThreadCpuTime(thread.getThreadId()));
      }
    }
    return total;
  }

  private static long allocated() {
    if (!THREADS.isThreadAllocatedMemorySupported()) {
      return 0;
    }
    long total = 0;
    for (long bytes : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
      total += Math.max(0, bytes);
    }
    return total;
  }

  @Override
  public String toString() {
    return String.format(
        "%.1f MB/s (%.2f s, %.2f CPU-s, %.2f CPU-s/GiB, Java threads %.2f CPU-s/GiB,"
            + " %.2f GiB allocated/GiB)",
        megabytesPerSecond(),
        seconds,
        cpuSeconds,
        cpuSecondsPerGib(),
        threadCpuSecondsPerGib(),
        allocatedBytes / GIB / (bytes / GIB));
  }
}
