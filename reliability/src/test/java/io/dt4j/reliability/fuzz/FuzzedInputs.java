package io.dt4j.reliability.fuzz;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * After a fuzz test class ran, writes how many inputs its {@link DecoderContract} checked (a {@link
 * FuzzRunReport}), so that the build can hold every decoder to its count ({@link
 * FuzzedInputCounts}). Active when the system property {@value #REPORT_DIR} names a folder: the pom
 * sets it for fuzzing runs, where each class has a JVM of its own.
 */
final class FuzzedInputs implements AfterAllCallback {
  /** System property: the folder the reports go to. */
  static final String REPORT_DIR = "fuzz.report.dir";

  private static final double NANOS_PER_SECOND = 1e9;

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    String dir = System.getProperty(REPORT_DIR, "");
    if (dir.isBlank()) {
      return;
    }
    Class<?> testClass = context.getRequiredTestClass();
    DecoderContract contract = contractOf(testClass);
    new FuzzRunReport(
            testClass.getSimpleName(),
            contract.inputs(),
            contract.checkingNanos() / NANOS_PER_SECOND,
            jvmCpuNanos() / NANOS_PER_SECOND,
            ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0)
        .write(Path.of(dir));
  }

  /** The class's one static {@link DecoderContract} field. */
  private static DecoderContract contractOf(Class<?> testClass) throws IllegalAccessException {
    for (Field field : testClass.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == DecoderContract.class) {
        field.setAccessible(true);
        return (DecoderContract) field.get(null);
      }
    }
    throw new IllegalStateException(testClass + " has no static DecoderContract field");
  }

  private static long jvmCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
