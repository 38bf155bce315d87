package io.dt4j.core.manager;

import static io.dt4j.api.EventCode.DATA_QUEUED;
import static io.dt4j.api.EventCode.DATA_QUEUED_PROGRESS;
import static io.dt4j.api.EventCode.DATA_RECEIVED;
import static io.dt4j.api.EventCode.DATA_RECEIVED_PROGRESS;
import static io.dt4j.api.EventCode.DATA_SENT;
import static io.dt4j.api.EventCode.DATA_SENT_PROGRESS;

import io.dt4j.api.EventCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The two directions of a scenario, seen from the initiator (Alice): in a push she sends, in a pull
 * she receives. Also the per-block events of a sender and of a recipient (§4.5, §7.2).
 */
enum Direction {
  PUSH,
  PULL;

  /** The events of a data sender for each new block: queued, then sent. */
  static final List<EventCode> SENDER_BLOCK =
      List.of(DATA_QUEUED_PROGRESS, DATA_QUEUED, DATA_SENT_PROGRESS, DATA_SENT);

  /** The events of a data recipient for each new block. */
  static final List<EventCode> RECIPIENT_BLOCK = List.of(DATA_RECEIVED_PROGRESS, DATA_RECEIVED);

  boolean initiatorSends() {
    return this == PUSH;
  }

  /** The initiator's events for {@code blocks} new blocks. */
  List<EventCode> initiatorData(int blocks) {
    return times(blocks, initiatorSends() ? SENDER_BLOCK : RECIPIENT_BLOCK);
  }

  /** The responder's events for {@code blocks} new blocks. */
  List<EventCode> responderData(int blocks) {
    return times(blocks, initiatorSends() ? RECIPIENT_BLOCK : SENDER_BLOCK);
  }

  static List<EventCode> times(int n, List<EventCode> codes) {
    List<EventCode> all = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      all.addAll(codes);
    }
    return all;
  }

  /** Flattens event codes and lists of them into one sequence. */
  static List<EventCode> seq(Object... parts) {
    List<EventCode> all = new ArrayList<>();
    for (Object part : parts) {
      if (part instanceof EventCode code) {
        all.add(code);
      } else if (part instanceof List<?> list) {
        list.forEach(item -> all.add((EventCode) item));
      } else {
        throw new IllegalArgumentException("not an event code: " + part);
      }
    }
    return all;
  }
}
