package io.dt4j.graphsync.network;

import io.dt4j.graphsync.message.GraphsyncRequest;
import java.util.List;

/**
 * What one written (or failed) message carried, for the listeners: the requests and the responder
 * operations, in the order they were queued.
 *
 * @param requests the request entries
 * @param operations the responder operations
 */
public record SentMessage(List<GraphsyncRequest> requests, List<ResponseOperation> operations) {

  /**
   * Copies the lists.
   *
   * @param requests the request entries
   * @param operations the responder operations
   */
  public SentMessage {
    requests = List.copyOf(requests);
    operations = List.copyOf(operations);
  }
}
