package io.dt4j.reliability.fuzz;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What one fuzz test class did in its JVM: the inputs its decoder contract checked and the time
 * they took. Stored as {@code <TestClass>.properties} in the report folder.
 *
 * @param testClass the fuzz test class's simple name, e.g. {@code MplexFuzzTest}
 * @param inputs inputs checked (fuzzed ones, seeds and committed findings)
 * @param checkingSeconds from the start of the first input to the end of the last
 * @param jvmCpuSeconds CPU time of the whole JVM (Jazzer's start-up and instrumentation included)
 * @param jvmSeconds wall time of the whole JVM
 */
record FuzzRunReport(
    String testClass,
    long inputs,
    double checkingSeconds,
    double jvmCpuSeconds,
    double jvmSeconds) {

  /** Suffix of the fuzz test classes, left off in {@link #decoder()}. */
  static final String TEST_CLASS_SUFFIX = "FuzzTest";

  /**
   * The decoder's name in tables: the test class without {@value #TEST_CLASS_SUFFIX}.
   *
   * @return e.g. {@code Mplex}
   */
  String decoder() {
    return testClass.endsWith(TEST_CLASS_SUFFIX)
        ? testClass.substring(0, testClass.length() - TEST_CLASS_SUFFIX.length())
        : testClass;
  }

  /**
   * Inputs per second of checking.
   *
   * @return the rate, 0 if no time was measured
   */
  double inputsPerSecond() {
    return checkingSeconds > 0 ? inputs / checkingSeconds : 0;
  }

  /**
   * The file of a test class's report.
   *
   * @param dir the report folder
   * @param testClass the test class's simple name
   * @return the path
   */
  static Path file(Path dir, String testClass) {
    return dir.resolve(testClass + ".properties");
  }

  /**
   * Writes this report into the folder, replacing an earlier one of the same class.
   *
   * @param dir the report folder, created if missing
   * @throws IOException if it cannot be written
   */
  void write(Path dir) throws IOException {
    Properties properties = new Properties();
    properties.setProperty("inputs", Long.toString(inputs));
    properties.setProperty("checkingSeconds", Double.toString(checkingSeconds));
    properties.setProperty("jvmCpuSeconds", Double.toString(jvmCpuSeconds));
    properties.setProperty("jvmSeconds", Double.toString(jvmSeconds));
    Files.createDirectories(dir);
    try (Writer out = Files.newBufferedWriter(file(dir, testClass))) {
      properties.store(out, "fuzzed inputs of " + testClass);
    }
  }

  /**
   * Reads a test class's report.
   *
   * @param dir the report folder
   * @param testClass the test class's simple name
   * @return the report
   * @throws IOException if there is none or it cannot be read
   */
  static FuzzRunReport read(Path dir, String testClass) throws IOException {
    Properties properties = new Properties();
    try (Reader in = Files.newBufferedReader(file(dir, testClass))) {
      properties.load(in);
    }
    return new FuzzRunReport(
        testClass,
        Long.parseLong(properties.getProperty("inputs")),
        Double.parseDouble(properties.getProperty("checkingSeconds")),
        Double.parseDouble(properties.getProperty("jvmCpuSeconds")),
        Double.parseDouble(properties.getProperty("jvmSeconds")));
  }
}
