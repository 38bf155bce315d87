package io.dt4j.core.channels;

import io.dt4j.api.EncodedVoucher;
import io.dt4j.api.EventCode;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An input of the channel state machine: an {@link EventCode} with the arguments its action needs
 * (data-transfer.md §4.4). Each variant accepts only the codes it fits.
 */
public sealed interface ChannelEvent
    permits ChannelEvent.Plain,
        ChannelEvent.Progress,
        ChannelEvent.Failure,
        ChannelEvent.VoucherAdded {

  /** Returns the event's code. */
  EventCode code();

  /** Returns the message the event sets on the channel, or null if it leaves it alone. */
  default String messageToSet() {
    return null;
  }

  /** Codes that carry a byte count. */
  Set<EventCode> PROGRESS =
      Set.copyOf(
          EnumSet.of(
              EventCode.DATA_RECEIVED_PROGRESS,
              EventCode.DATA_SENT_PROGRESS,
              EventCode.DATA_QUEUED_PROGRESS));

  /** Codes that carry an error text, which becomes the channel's message. */
  Set<EventCode> FAILURES =
      Set.copyOf(
          EnumSet.of(
              EventCode.DISCONNECTED,
              EventCode.SEND_DATA_ERROR,
              EventCode.RECEIVE_DATA_ERROR,
              EventCode.REQUEST_CANCELLED,
              EventCode.ERROR));

  /** Codes that carry a voucher or voucher result. */
  Set<EventCode> VOUCHERS =
      Set.copyOf(EnumSet.of(EventCode.NEW_VOUCHER, EventCode.NEW_VOUCHER_RESULT));

  /**
   * An event without arguments.
   *
   * @param code the code: neither progress, failure nor voucher
   */
  record Plain(EventCode code) implements ChannelEvent {
    /** Checks the code fits. */
    public Plain {
      Objects.requireNonNull(code, "code");
      if (PROGRESS.contains(code) || FAILURES.contains(code) || VOUCHERS.contains(code)) {
        throw new IllegalArgumentException(code + " needs arguments");
      }
    }

    @Override
    public String messageToSet() {
      // §4.4: Restart and TransferRequestQueued clear the message
      return code == EventCode.RESTART || code == EventCode.TRANSFER_REQUEST_QUEUED ? "" : null;
    }
  }

  /**
   * A byte counter grows: the first time a block's CID is seen in one direction.
   *
   * @param code DataReceivedProgress, DataSentProgress or DataQueuedProgress
   * @param bytes the block's size
   */
  record Progress(EventCode code, long bytes) implements ChannelEvent {
    /** Checks the code fits and the size is not negative. */
    public Progress {
      if (!PROGRESS.contains(code)) {
        throw new IllegalArgumentException(code + " is not a progress event");
      }
      if (bytes < 0) {
        throw new IllegalArgumentException("negative block size " + bytes);
      }
    }
  }

  /**
   * Something went wrong; the error text becomes the channel's message.
   *
   * @param code Disconnected, SendDataError, ReceiveDataError, RequestCancelled or Error
   * @param error the error text
   */
  record Failure(EventCode code, String error) implements ChannelEvent {
    /** Checks the code fits. */
    public Failure {
      if (!FAILURES.contains(code)) {
        throw new IllegalArgumentException(code + " is not a failure event");
      }
      Objects.requireNonNull(error, "error");
    }

    @Override
    public String messageToSet() {
      return error;
    }
  }

  /**
   * A voucher or voucher result arrived or was sent.
   *
   * @param code NewVoucher or NewVoucherResult
   * @param voucher the encoded voucher or result
   */
  record VoucherAdded(EventCode code, EncodedVoucher voucher) implements ChannelEvent {
    /** Checks the code fits. */
    public VoucherAdded {
      if (!VOUCHERS.contains(code)) {
        throw new IllegalArgumentException(code + " is not a voucher event");
      }
      Objects.requireNonNull(voucher, "voucher");
    }
  }

  /**
   * Returns the event for a code without arguments.
   *
   * @param code the code
   * @return the event
   */
  static ChannelEvent of(EventCode code) {
    return new Plain(code);
  }
}
