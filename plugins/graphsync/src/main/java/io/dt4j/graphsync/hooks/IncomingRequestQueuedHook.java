package io.dt4j.graphsync.hooks;

import io.dt4j.api.PeerId;
import io.dt4j.graphsync.message.NewRequest;

/**
 * Responder side: told when a request arrives and waits for a free slot, before the incoming
 * request hooks run (go-data-transfer turns it into {@code TransferRequestQueued}).
 */
@FunctionalInterface
public interface IncomingRequestQueuedHook {

  /**
   * A request was queued.
   *
   * @param peer the requester
   * @param request the request
   */
  void onRequestQueued(PeerId peer, NewRequest request);
}
