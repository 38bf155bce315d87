package io.dt4j.cli;

/**
 * The process exit codes of every dt4j command (CLI-CONVENTIONS.md section 5, item 14), so that
 * scripts can branch on them.
 */
public final class ExitCode {

  /** The command did what was asked. */
  public static final int OK = 0;

  /** Any failure without a more specific code. */
  public static final int ERROR = 1;

  /** Bad command line: unknown option or command, bad value, missing directory. */
  public static final int USAGE = 2;

  /** The channel, peer or file was not found, or a short ID matched more than one channel. */
  public static final int NOT_FOUND = 3;

  /** Partial: the local action was done, the peer was not notified. */
  public static final int PARTIAL = 4;

  /** The transfer ended Failed, Cancelled or Rejected. */
  public static final int TRANSFER_FAILED = 5;

  /** The command gave up waiting (same code as coreutils' {@code timeout}). */
  public static final int TIMEOUT = 124;

  private ExitCode() {}
}
