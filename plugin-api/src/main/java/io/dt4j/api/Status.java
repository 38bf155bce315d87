package io.dt4j.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * The status of a data-transfer channel, persisted and reported with the numeric codes of
 * go-data-transfer (data-transfer.md §4.1). The names are Go's names, so logs, greps and docs carry
 * over unchanged.
 */
public enum Status {
  /** A transfer was requested but not yet accepted. */
  REQUESTED(0, "Requested"),
  /** The transfer is in progress. */
  ONGOING(1, "Ongoing"),
  /** The initiator sent or received all data and waits for the responder to confirm. */
  TRANSFER_FINISHED(2, "TransferFinished"),
  /** The initiator got the responder's completion before its own transport finished. */
  RESPONDER_COMPLETED(3, "ResponderCompleted"),
  /** The responder waits for a final voucher from the initiator. */
  FINALIZING(4, "Finalizing"),
  /** Final clean-up of a completed transfer. */
  COMPLETING(5, "Completing"),
  /** The transfer completed successfully. */
  COMPLETED(6, "Completed"),
  /** Final clean-up of a failed transfer. */
  FAILING(7, "Failing"),
  /** The transfer failed. */
  FAILED(8, "Failed"),
  /** Final clean-up of a cancelled transfer. */
  CANCELLING(9, "Cancelling"),
  /** The transfer ended prematurely. */
  CANCELLED(10, "Cancelled"),
  /** The initiator paused the channel; only the initiator can resume it. */
  INITIATOR_PAUSED(11, "InitiatorPaused"),
  /** The responder paused the channel; only the responder can resume it. */
  RESPONDER_PAUSED(12, "ResponderPaused"),
  /** Both sides paused the channel; both must resume. */
  BOTH_PAUSED(13, "BothPaused"),
  /** The responder asked for a final voucher before the initiator's transport finished. */
  RESPONDER_FINALIZING(14, "ResponderFinalizing"),
  /** The responder asked for a final voucher and the initiator's transport has finished. */
  RESPONDER_FINALIZING_TRANSFER_FINISHED(15, "ResponderFinalizingTransferFinished"),
  /** The channel does not exist; never stored, only returned by status look-ups. */
  CHANNEL_NOT_FOUND_ERROR(16, "ChannelNotFoundError");

  /** Statuses in which data may still move; the source set of progress events (§4.1). */
  public static final Set<Status> TRANSFERRING =
      Set.copyOf(
          EnumSet.of(
              REQUESTED,
              ONGOING,
              INITIATOR_PAUSED,
              RESPONDER_PAUSED,
              BOTH_PAUSED,
              RESPONDER_COMPLETED,
              RESPONDER_FINALIZING));

  /** Statuses whose entry action cleans the channel up. */
  public static final Set<Status> CLEANUP = Set.copyOf(EnumSet.of(CANCELLING, COMPLETING, FAILING));

  /** Terminal statuses: no event changes a channel in one of these. */
  public static final Set<Status> TERMINAL = Set.copyOf(EnumSet.of(CANCELLED, COMPLETED, FAILED));

  private static final Status[] BY_CODE = values();

  private final int code;
  private final String goName;

  Status(int code, String goName) {
    this.code = code;
    this.goName = goName;
  }

  /** Returns the numeric code used on disk and by Go. */
  public int code() {
    return code;
  }

  /** Returns Go's name for this status, e.g. {@code ResponderPaused}. */
  public String goName() {
    return goName;
  }

  /**
   * Returns the status with the given numeric code.
   *
   * @param code a code from 0 to 16
   * @return the status
   * @throws IllegalArgumentException if no status has this code
   */
  public static Status fromCode(long code) {
    if (code < 0 || code >= BY_CODE.length) {
      throw new IllegalArgumentException(
          "unknown channel status code " + code + " (known: 0.." + (BY_CODE.length - 1) + ")");
    }
    return BY_CODE[(int) code];
  }

  /** Returns {@link #goName()}. */
  @Override
  public String toString() {
    return goName;
  }
}
