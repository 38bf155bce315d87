package io.dt4j.benchmarks.libp2p;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A peer process of the throughput run, spoken to line by line: commands on its stdin, answers on
 * its stdout (read by a daemon thread), stderr into a log file. Closing it closes its stdin, which
 * ends both {@link BenchPeer} and the js dialer; anything still running after a grace period is
 * destroyed.
 */
final class PeerProcess implements AutoCloseable {
  private static final String END = "\u0000end of output";
  private static final Duration EXIT_GRACE = Duration.ofSeconds(5);

  private final String name;
  private final Process process;
  private final Writer stdin;
  private final Path log;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private PeerProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.stdin = process.outputWriter(StandardCharsets.UTF_8);
    Thread reader = new Thread(this::readStdout, name + " stdout");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts a process.
   *
   * @param name for messages and the log file's name
   * @param command the command line
   * @param dir its working folder
   * @param logDir where its stderr goes, as {@code <name>.log}
   */
  static PeerProcess start(String name, List<String> command, Path dir, Path logDir) {
    Path log = logDir.resolve(name.replaceAll("[^A-Za-z0-9@._-]", "_") + ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectError(ProcessBuilder.Redirect.to(log.toFile()))
              .start();
      return new PeerProcess(name, process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + command, e);
    }
  }

  /** Returns the next stdout line, failing if the process ends or stays silent too long. */
  String nextLine(Duration timeout) {
    try {
      String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (line == null) {
        throw new PeerProcessException(name + " said nothing within " + timeout + tail());
      }
      if (line.equals(END)) {
        lines.add(END);
        throw new PeerProcessException(name + " ended" + tail());
      }
      return line;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PeerProcessException(name + ": interrupted");
    }
  }

  /** Sends one command line and returns the answer line. */
  String request(String command, Duration timeout) {
    try {
      stdin.write(command + "\n");
      stdin.flush();
    } catch (IOException e) {
      throw new PeerProcessException(name + " does not take commands: " + e.getMessage() + tail());
    }
    return nextLine(timeout);
  }

  /** Returns the process's peak resident memory in KiB (Linux {@code VmHWM}), if known. */
  OptionalLong peakRssKiB() {
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux, or the process is gone
    }
    return OptionalLong.empty();
  }

  /** Returns the CPU time the process used so far, user and system, all threads. */
  Duration cpuTime() {
    return process.info().totalCpuDuration().orElse(Duration.ZERO);
  }

  String name() {
    return name;
  }

  @Override
  public void close() {
    try {
      stdin.close();
    } catch (IOException e) {
      // already gone
    }
    try {
      if (!process.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroy();
        if (!process.waitFor(EXIT_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
          process.destroyForcibly();
        }
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void readStdout() {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        lines.add(line);
      }
    } catch (IOException e) {
      // the process ended
    }
    lines.add(END);
  }

  private String tail() {
    try {
      List<String> all = Files.readAllLines(log);
      return "; last lines of "
          + log
          + ":\n  "
          + String.join("\n  ", all.subList(Math.max(0, all.size() - 10), all.size()));
    } catch (IOException e) {
      return "; no log at " + log;
    }
  }
}
