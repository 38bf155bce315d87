package io.dt4j.core.channels;

import io.dt4j.api.EventCode;
import io.dt4j.api.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The channel state machine: a pure function from a record and an event to a {@link Transition}
 * (data-transfer.md §4.3–§4.4). It reads no clock, store or network, so every rule is tested by
 * calling it.
 *
 * <p>Semantics of go-statemachine: a terminal channel refuses every event (a cancel of it is {@link
 * Transition.Unchanged}); otherwise the event's action (counters, message, vouchers) runs, the
 * status follows the {@link TransitionTable}, and the clean-up entry action runs when the channel
 * is in a clean-up status afterwards, unless the rule only records the event.
 */
public final class ChannelStateMachine {
  private ChannelStateMachine() {}

  /**
   * Applies an event to a channel.
   *
   * @param record the channel as it is
   * @param event what happened
   * @return the new record and whether clean-up runs, or why nothing happens
   */
  public static Transition apply(ChannelRecord record, ChannelEvent event) {
    Status from = record.status();
    if (Status.TERMINAL.contains(from)) {
      return event.code() == EventCode.CANCEL
          ? new Transition.Unchanged("channel " + record.channelId() + " already ended " + from)
          : new Transition.Refused(
              event.code() + " refused: channel " + record.channelId() + " already ended " + from);
    }
    Optional<TransitionTable.Destination> destination =
        TransitionTable.destination(event.code(), from);
    if (destination.isEmpty()) {
      return new Transition.Refused(
          event.code()
              + " is not allowed in status "
              + from
              + " (channel "
              + record.channelId()
              + ")");
    }
    TransitionTable.Destination d = destination.get();
    Status to = d.kind() == TransitionTable.Destination.Kind.TO ? d.to() : from;
    ChannelRecord next = act(record, event).withStatus(to);
    boolean cleanup =
        d.kind() != TransitionTable.Destination.Kind.JUST_RECORD && Status.CLEANUP.contains(to);
    return new Transition.Applied(next, cleanup);
  }

  /** The event's action: what it changes besides the status. */
  private static ChannelRecord act(ChannelRecord r, ChannelEvent event) {
    long queued = r.queued();
    long sent = r.sent();
    long received = r.received();
    long receivedCids = r.receivedCidsCount();
    List<io.dt4j.api.EncodedVoucher> vouchers = r.vouchers();
    List<io.dt4j.api.EncodedVoucher> results = r.voucherResults();
    if (event instanceof ChannelEvent.Progress p) {
      switch (p.code()) {
        case DATA_RECEIVED_PROGRESS -> {
          received = Math.addExact(received, p.bytes());
          receivedCids++;
        }
        case DATA_SENT_PROGRESS -> sent = Math.addExact(sent, p.bytes());
        default -> queued = Math.addExact(queued, p.bytes());
      }
    } else if (event instanceof ChannelEvent.VoucherAdded v) {
      if (v.code() == EventCode.NEW_VOUCHER) {
        vouchers = appended(vouchers, v.voucher());
      } else {
        results = appended(results, v.voucher());
      }
    }
    String message = event.messageToSet() != null ? event.messageToSet() : r.message();
    return new ChannelRecord(
        r.channelId(),
        r.selfPeer(),
        r.baseCid(),
        r.selector(),
        r.sender(),
        r.recipient(),
        r.totalSize(),
        r.status(),
        queued,
        sent,
        received,
        message,
        vouchers,
        results,
        receivedCids,
        r.sequence() + 1,
        r.created());
  }

  private static <T> List<T> appended(List<T> list, T item) {
    List<T> copy = new ArrayList<>(list);
    copy.add(item);
    return copy;
  }
}
