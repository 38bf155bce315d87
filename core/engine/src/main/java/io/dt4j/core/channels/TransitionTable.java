package io.dt4j.core.channels;

import static io.dt4j.api.Status.BOTH_PAUSED;
import static io.dt4j.api.Status.CANCELLED;
import static io.dt4j.api.Status.CANCELLING;
import static io.dt4j.api.Status.COMPLETED;
import static io.dt4j.api.Status.COMPLETING;
import static io.dt4j.api.Status.FAILED;
import static io.dt4j.api.Status.FAILING;
import static io.dt4j.api.Status.FINALIZING;
import static io.dt4j.api.Status.INITIATOR_PAUSED;
import static io.dt4j.api.Status.ONGOING;
import static io.dt4j.api.Status.REQUESTED;
import static io.dt4j.api.Status.RESPONDER_COMPLETED;
import static io.dt4j.api.Status.RESPONDER_FINALIZING;
import static io.dt4j.api.Status.RESPONDER_FINALIZING_TRANSFER_FINISHED;
import static io.dt4j.api.Status.RESPONDER_PAUSED;
import static io.dt4j.api.Status.TRANSFER_FINISHED;

import io.dt4j.api.EventCode;
import io.dt4j.api.Status;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The transition table of go-data-transfer's channel state machine (data-transfer.md §4.4, {@code
 * channels/channels_fsm.go}), one rule per event: destinations for specific statuses, and one for
 * "any other non-terminal status". An event with no destination for a status is dropped.
 */
final class TransitionTable {

  /** Where an event takes a channel. */
  record Destination(Kind kind, Status to) {
    /** go-statemachine's destination kinds. */
    enum Kind {
      /** Set the status; its entry action runs. */
      TO,
      /** Keep the status; its entry action runs again (clean-up states re-run clean-up). */
      NO_CHANGE,
      /** Keep the status; no entry action. */
      JUST_RECORD
    }

    static Destination to(Status status) {
      return new Destination(Kind.TO, status);
    }
  }

  private static final Destination NC = new Destination(Destination.Kind.NO_CHANGE, null);
  private static final Destination REC = new Destination(Destination.Kind.JUST_RECORD, null);

  /** The rule of one event. */
  private record Rule(Map<Status, Destination> specific, Optional<Destination> otherwise) {
    Optional<Destination> lookup(Status status) {
      Destination d = specific.get(status);
      return d != null ? Optional.of(d) : otherwise;
    }
  }

  private static final Map<EventCode, Rule> RULES = new EnumMap<>(EventCode.class);

  static {
    any(EventCode.OPEN, Destination.to(REQUESTED));
    only(EventCode.ACCEPT, Map.of(REQUESTED, Destination.to(ONGOING)));
    any(EventCode.TRANSFER_REQUEST_QUEUED, REC);
    any(EventCode.RESTART, REC);
    any(EventCode.CANCEL, Destination.to(CANCELLING));
    any(EventCode.DATA_RECEIVED, NC);
    for (EventCode code :
        Set.of(
            EventCode.DATA_RECEIVED_PROGRESS,
            EventCode.DATA_SENT,
            EventCode.DATA_SENT_PROGRESS,
            EventCode.DATA_QUEUED,
            EventCode.DATA_QUEUED_PROGRESS)) {
      only(code, fromEach(Status.TRANSFERRING, NC));
    }
    for (EventCode code : ChannelEvent.FAILURES) {
      any(code, code == EventCode.ERROR ? Destination.to(FAILING) : NC);
    }
    any(EventCode.NEW_VOUCHER, NC);
    any(EventCode.NEW_VOUCHER_RESULT, NC);
    pauseAndResume();
    finalization();
    any(EventCode.BEGIN_FINALIZING, Destination.to(FINALIZING));
    any(EventCode.COMPLETE, Destination.to(COMPLETING));
    only(
        EventCode.CLEANUP_COMPLETE,
        Map.of(
            CANCELLING, Destination.to(CANCELLED),
            FAILING, Destination.to(FAILED),
            COMPLETING, Destination.to(COMPLETED)));
    any(EventCode.COMPLETE_CLEANUP_ON_RESTART, NC);
    // RequestTimedOut is deprecated: no rule, always dropped
  }

  private static void pauseAndResume() {
    rule(
        EventCode.PAUSE_INITIATOR,
        Map.of(
            REQUESTED, Destination.to(INITIATOR_PAUSED),
            ONGOING, Destination.to(INITIATOR_PAUSED),
            RESPONDER_PAUSED, Destination.to(BOTH_PAUSED)),
        REC);
    rule(
        EventCode.PAUSE_RESPONDER,
        Map.of(
            REQUESTED, Destination.to(RESPONDER_PAUSED),
            ONGOING, Destination.to(RESPONDER_PAUSED),
            INITIATOR_PAUSED, Destination.to(BOTH_PAUSED)),
        REC);
    rule(
        EventCode.RESUME_INITIATOR,
        Map.of(
            INITIATOR_PAUSED, Destination.to(ONGOING),
            BOTH_PAUSED, Destination.to(RESPONDER_PAUSED)),
        REC);
    rule(
        EventCode.RESUME_RESPONDER,
        Map.of(
            RESPONDER_PAUSED, Destination.to(ONGOING),
            BOTH_PAUSED, Destination.to(INITIATOR_PAUSED),
            FINALIZING, Destination.to(COMPLETING)),
        REC);
  }

  private static void finalization() {
    rule(
        EventCode.FINISH_TRANSFER,
        Map.of(
            FAILING,
            REC,
            CANCELLING,
            REC,
            RESPONDER_COMPLETED,
            Destination.to(COMPLETING),
            RESPONDER_FINALIZING,
            Destination.to(RESPONDER_FINALIZING_TRANSFER_FINISHED)),
        Destination.to(TRANSFER_FINISHED));
    rule(
        EventCode.RESPONDER_BEGINS_FINALIZATION,
        Map.of(
            FAILING, REC,
            CANCELLING, REC,
            TRANSFER_FINISHED, Destination.to(RESPONDER_FINALIZING_TRANSFER_FINISHED)),
        Destination.to(RESPONDER_FINALIZING));
    rule(
        EventCode.RESPONDER_COMPLETES,
        Map.of(
            FAILING, REC,
            CANCELLING, REC,
            RESPONDER_PAUSED, Destination.to(RESPONDER_FINALIZING),
            TRANSFER_FINISHED, Destination.to(COMPLETING),
            RESPONDER_FINALIZING, Destination.to(RESPONDER_COMPLETED),
            RESPONDER_FINALIZING_TRANSFER_FINISHED, Destination.to(COMPLETING)),
        Destination.to(RESPONDER_COMPLETED));
  }

  private static Map<Status, Destination> fromEach(Set<Status> statuses, Destination d) {
    Map<Status, Destination> map = new EnumMap<>(Status.class);
    statuses.forEach(s -> map.put(s, d));
    return map;
  }

  private static void any(EventCode code, Destination d) {
    RULES.put(code, new Rule(Map.of(), Optional.of(d)));
  }

  private static void only(EventCode code, Map<Status, Destination> specific) {
    RULES.put(code, new Rule(Map.copyOf(specific), Optional.empty()));
  }

  private static void rule(EventCode code, Map<Status, Destination> specific, Destination other) {
    RULES.put(code, new Rule(Map.copyOf(specific), Optional.of(other)));
  }

  private TransitionTable() {}

  /** Returns where the event takes a channel in a non-terminal status, or empty if dropped. */
  static Optional<Destination> destination(EventCode code, Status from) {
    Rule rule = RULES.get(code);
    return rule == null ? Optional.empty() : rule.lookup(from);
  }
}
