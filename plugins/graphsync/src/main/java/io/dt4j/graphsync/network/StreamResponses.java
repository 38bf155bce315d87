package io.dt4j.graphsync.network;

import io.dt4j.graphsync.message.ResponseStatusCode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The responses still going that have written something on the current outbound stream, each with
 * its last operation written there. A write that completed only reached the local socket: when the
 * stream dies, what these responses wrote on it may be lost, so none of them may carry on over a
 * new stream — the requester would see a response with a hole in it, and a traversal that completes
 * without a block. A response leaves once its terminal status was written. Owned by the queue's
 * executor.
 */
final class StreamResponses {
  private final Map<Integer, ResponseOperation> written = new LinkedHashMap<>();

  /** Notes the operations of a message written on the current stream. */
  void written(MessageBuilder contents) {
    for (ResponseOperation operation : contents.sent().operations()) {
      int id = operation.request().id();
      if (operation.status().map(ResponseStatusCode::isTerminal).orElse(false)) {
        written.remove(id);
      } else {
        written.put(id, operation);
      }
    }
  }

  /** Returns the responses that wrote on the stream that just died, and starts a new stream. */
  Map<Integer, ResponseOperation> streamLost() {
    Map<Integer, ResponseOperation> lost = new LinkedHashMap<>(written);
    written.clear();
    return lost;
  }
}
