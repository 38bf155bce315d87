package io.dt4j.demo;

/** The steps of a demo run, in order. */
public enum DemoStep {
  /** Writes the pseudo-random source file, hashing it on the way. */
  GENERATE,
  /** Imports the source file on node A as a UnixFS DAG. */
  IMPORT,
  /** Moves the DAG from node A to node B: a pull by B, or a push by A. */
  TRANSFER,
  /** Exports the file on node B and compares its SHA-256 with the source's. */
  VERIFY
}
