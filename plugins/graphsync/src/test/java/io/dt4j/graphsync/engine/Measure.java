package io.dt4j.graphsync.engine;

/** Wall and process CPU time of one transfer, for the throughput scenarios. */
public final class Measure {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean)
          java.lang.management.ManagementFactory.getOperatingSystemMXBean();
  private final long wallStart = System.nanoTime();
  private final long cpuStart = OS.getProcessCpuTime();
  private double seconds;
  private double cpuSeconds;
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
    bytes = transferred;
  }

  /** {@return the throughput in MB/s (10^6 bytes)} */
  public double megabytesPerSecond() {
    return bytes / 1e6 / seconds;
  }

  @Override
  public String toString() {
    return String.format(
        "%.1f MB/s (%.2f s, %.2f CPU-s)", megabytesPerSecond(), seconds, cpuSeconds);
  }
}
