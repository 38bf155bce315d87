package io.dt4j.benchmarks.libp2p;

/** Which way the bytes of one bench stream flow, seen from the dialer. */
enum Direction {
  /** The dialer uploads to the listener's {@code /bench/sink/1.0.0}. */
  SEND("send"),
  /** The dialer downloads from the listener's {@code /bench/source/1.0.0}. */
  RECEIVE("receive");

  private final String command;

  Direction(String command) {
    this.command = command;
  }

  /** The dialer's command word. */
  String command() {
    return command;
  }
}
