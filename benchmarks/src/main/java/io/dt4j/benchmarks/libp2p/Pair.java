package io.dt4j.benchmarks.libp2p;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A listener process and a dialer process with one connection between them over 127.0.0.1, on one
 * muxer. Every transfer is one new stream on that connection, so the processes (and their JITs)
 * stay warm from the warm-up through the last round.
 */
final class Pair implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  /** Slower than any party measured here, so a time-out means a hang. */
  private static final double SLOWEST_BYTES_PER_SECOND = 5e6;

  private final Party dialer;
  private final Party listener;
  private final String muxer;
  private final List<PeerProcess> processes = new ArrayList<>();
  private PeerProcess listening;
  private PeerProcess dialing;
  private String description = "";

  Pair(Party dialer, Party listener, String muxer) {
    this.dialer = dialer;
    this.listener = listener;
    this.muxer = muxer;
  }

  Party dialer() {
    return dialer;
  }

  Party listener() {
    return listener;
  }

  String muxer() {
    return muxer;
  }

  /** What the dialer said about itself once connected (cipher, I/O, muxer). */
  String description() {
    return description;
  }

  /** Starts the listener, then the dialer, and waits until the dialer is connected. */
  void start(Path logDir) {
    String name = dialer.label() + "-dials-" + listener.label() + "-" + muxer;
    listening =
        PeerProcess.start(
            name + "-listener", listener.listenCommand(muxer), listener.dir(), logDir);
    processes.add(listening);
    String address = listening.nextLine(START_TIMEOUT).trim();
    dialing =
        PeerProcess.start(
            name + "-dialer", dialer.dialCommand(address, muxer), dialer.dir(), logDir);
    processes.add(dialing);
    String ready = dialing.nextLine(START_TIMEOUT);
    if (!ready.startsWith("READY ")) {
      throw new PeerProcessException(dialing.name() + " did not connect: " + ready);
    }
    description = ready.substring("READY ".length());
  }

  /**
   * One transfer: the dialer's elapsed time, and the CPU time each process used meanwhile (all its
   * threads: I/O, JIT, GC), which shows the cost per byte even when other work shares the cores.
   */
  record Transfer(long bytes, long nanos, Duration dialerCpu, Duration listenerCpu) {
    double mbPerSecond() {
      return bytes / (nanos / 1e9) / 1e6;
    }

    /** MB per CPU second of the busier process: the rate if each process had a core to itself. */
    double mbPerCpuSecond() {
      Duration busier = dialerCpu.compareTo(listenerCpu) >= 0 ? dialerCpu : listenerCpu;
      return busier.isZero() ? Double.NaN : bytes / (busier.toNanos() / 1e9) / 1e6;
    }
  }

  /** Runs one transfer on a new stream. */
  Transfer transfer(Direction direction, long bytes) {
    Duration timeout = Duration.ofSeconds(60 + (long) (bytes / SLOWEST_BYTES_PER_SECOND));
    Duration dialerBefore = dialing.cpuTime();
    Duration listenerBefore = listening.cpuTime();
    String answer = dialing.request(direction.command() + " " + bytes, timeout);
    String[] words = answer.split(" ");
    if (words.length != 3 || !words[0].equals("DONE") || Long.parseLong(words[1]) != bytes) {
      throw new PeerProcessException(dialing.name() + ": " + answer);
    }
    return new Transfer(
        bytes,
        Long.parseLong(words[2]),
        dialing.cpuTime().minus(dialerBefore),
        listening.cpuTime().minus(listenerBefore));
  }

  /** Returns each process's name and peak resident memory in KiB, where known. */
  List<String> peakMemory() {
    List<String> peaks = new ArrayList<>();
    for (PeerProcess p : processes) {
      OptionalLong kib = p.peakRssKiB();
      peaks.add(p.name() + " " + (kib.isPresent() ? (kib.getAsLong() / 1024) + " MiB" : "unknown"));
    }
    return peaks;
  }

  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
  }
}
