package io.dt4j.graphsync.hooks;

import io.dt4j.api.PeerId;
import io.dt4j.graphsync.message.NewRequest;
import io.dt4j.graphsync.message.ResponseStatusCode;

/**
 * Responder side: told when a response's terminal status was written to the stream. Not told for
 * responses the requester cancelled (those end in silence, graphsync spec §3.3).
 */
@FunctionalInterface
public interface ResponseCompletedListener {

  /**
   * A response ended.
   *
   * @param peer the requester
   * @param request the request served
   * @param status the terminal status sent
   */
  void onResponseCompleted(PeerId peer, NewRequest request, ResponseStatusCode status);
}
