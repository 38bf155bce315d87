package io.dt4j.benchmarks.libp2p;

/** A peer process of the throughput run ended, stayed silent, or reported an error. */
final class PeerProcessException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  PeerProcessException(String message) {
    super(message);
  }
}
