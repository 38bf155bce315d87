package io.dt4j.core.manager;

import io.dt4j.api.EventCode;
import io.dt4j.api.MessageType;
import io.dt4j.api.TransferResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The initiator's reading of a response (data-transfer.md §5.9, Go's {@code OnResponseReceived}) as
 * a pure list of events, in order. Recording the voucher result ({@code NewVoucherResult}) is the
 * caller's, before these events, for the types that carry one.
 */
final class ResponseRules {
  /** Response types that carry a decision and may carry a voucher result. */
  static final Set<MessageType> DECISIONS =
      Set.of(
          MessageType.NEW, MessageType.COMPLETE, MessageType.VOUCHER_RESULT, MessageType.RESTART);

  private ResponseRules() {}

  /**
   * Returns the events a response causes at the initiator.
   *
   * @param response the response
   * @return the events, in order; an Error event stands for {@code Error(ErrRejected)}
   */
  static List<EventCode> eventsFor(TransferResponse response) {
    List<EventCode> events = new ArrayList<>();
    if (response.type() == MessageType.CANCEL) {
      events.add(EventCode.CANCEL);
      return events;
    }
    if (DECISIONS.contains(response.type())) {
      if (!response.accepted()) {
        events.add(EventCode.ERROR);
        return events;
      }
      if (response.type() == MessageType.NEW) {
        events.add(EventCode.ACCEPT);
      } else if (response.type() == MessageType.RESTART) {
        events.add(EventCode.RESTART);
      }
    }
    if (response.type() == MessageType.COMPLETE && response.accepted()) {
      if (!response.paused()) {
        events.add(EventCode.RESPONDER_COMPLETES);
        return events;
      }
      events.add(EventCode.RESPONDER_BEGINS_FINALIZATION);
    }
    events.add(response.paused() ? EventCode.PAUSE_RESPONDER : EventCode.RESUME_RESPONDER);
    return events;
  }
}
