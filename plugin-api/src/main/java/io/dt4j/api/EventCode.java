package io.dt4j.api;

/**
 * What happened on a data-transfer channel, with the numeric codes of go-data-transfer
 * (data-transfer.md §4.2). Every state change of a channel is caused by exactly one event, and
 * subscribers receive each applied event with a snapshot of the channel.
 */
public enum EventCode {
  /** A channel was opened. */
  OPEN(0, "Open"),
  /** The transfer was accepted by the responder. */
  ACCEPT(1, "Accept"),
  /** The transfer was restarted. */
  RESTART(2, "Restart"),
  /** Data was received from the remote peer. */
  DATA_RECEIVED(3, "DataReceived"),
  /** Data was sent to the remote peer. */
  DATA_SENT(4, "DataSent"),
  /** One side cancelled the transfer. */
  CANCEL(5, "Cancel"),
  /** An error occurred; the channel fails. */
  ERROR(6, "Error"),
  /** Clean-up after completion, failure or cancellation finished. */
  CLEANUP_COMPLETE(7, "CleanupComplete"),
  /** A new voucher arrived on the channel. */
  NEW_VOUCHER(8, "NewVoucher"),
  /** A new voucher result arrived on the channel. */
  NEW_VOUCHER_RESULT(9, "NewVoucherResult"),
  /** The initiator paused the transfer. */
  PAUSE_INITIATOR(10, "PauseInitiator"),
  /** The initiator resumed the transfer. */
  RESUME_INITIATOR(11, "ResumeInitiator"),
  /** The responder paused the transfer. */
  PAUSE_RESPONDER(12, "PauseResponder"),
  /** The responder resumed the transfer. */
  RESUME_RESPONDER(13, "ResumeResponder"),
  /** The initiator finished sending or receiving data. */
  FINISH_TRANSFER(14, "FinishTransfer"),
  /** The initiator learned that the responder completed. */
  RESPONDER_COMPLETES(15, "ResponderCompletes"),
  /** The initiator learned that the responder is finalizing. */
  RESPONDER_BEGINS_FINALIZATION(16, "ResponderBeginsFinalization"),
  /** The responder finished its part and waits for the initiator's final voucher. */
  BEGIN_FINALIZING(17, "BeginFinalizing"),
  /** The other party could not be reached. */
  DISCONNECTED(18, "Disconnected"),
  /** The transfer completed. */
  COMPLETE(19, "Complete"),
  /** After a restart, a channel that was cleaning up finishes its clean-up. */
  COMPLETE_CLEANUP_ON_RESTART(20, "CompleteCleanupOnRestart"),
  /** Data was read and queued for sending. */
  DATA_QUEUED(21, "DataQueued"),
  /** The queued byte counter grew (once per distinct block). */
  DATA_QUEUED_PROGRESS(22, "DataQueuedProgress"),
  /** The sent byte counter grew (once per distinct block). */
  DATA_SENT_PROGRESS(23, "DataSentProgress"),
  /** The received byte counter grew (once per distinct block). */
  DATA_RECEIVED_PROGRESS(24, "DataReceivedProgress"),
  /** Deprecated: a request timed out; it has no transition and is never applied. */
  REQUEST_TIMED_OUT(25, "RequestTimedOut"),
  /** Sending data failed; the transfer may be restarted. */
  SEND_DATA_ERROR(26, "SendDataError"),
  /** Receiving data failed; the transfer may be restarted. */
  RECEIVE_DATA_ERROR(27, "ReceiveDataError"),
  /** The transfer request was queued by the transport. */
  TRANSFER_REQUEST_QUEUED(28, "TransferRequestQueued"),
  /** The transport's request was cancelled by the other peer. */
  REQUEST_CANCELLED(29, "RequestCancelled");

  private static final EventCode[] BY_CODE = values();

  private final int code;
  private final String goName;

  EventCode(int code, String goName) {
    this.code = code;
    this.goName = goName;
  }

  /** Returns the numeric code used by Go. */
  public int code() {
    return code;
  }

  /** Returns Go's name for this event, e.g. {@code DataReceivedProgress}. */
  public String goName() {
    return goName;
  }

  /**
   * Returns the event with the given numeric code.
   *
   * @param code a code from 0 to 29
   * @return the event code
   * @throws IllegalArgumentException if no event has this code
   */
  public static EventCode fromCode(long code) {
    if (code < 0 || code >= BY_CODE.length) {
      throw new IllegalArgumentException(
          "unknown event code " + code + " (known: 0.." + (BY_CODE.length - 1) + ")");
    }
    return BY_CODE[(int) code];
  }

  /** Returns {@link #goName()}. */
  @Override
  public String toString() {
    return goName;
  }
}
