package io.dt4j.graphsync.hooks;

import io.dt4j.api.PeerId;
import io.dt4j.graphsync.message.NewRequest;

/**
 * Responder side: told when the requester cancelled a request in progress (which is also how a
 * go-graphsync requester pauses, graphsync spec §3.5).
 */
@FunctionalInterface
public interface RequestorCancelledListener {

  /**
   * The requester cancelled.
   *
   * @param peer the requester
   * @param request the request that was being served
   */
  void onRequestorCancelled(PeerId peer, NewRequest request);
}
