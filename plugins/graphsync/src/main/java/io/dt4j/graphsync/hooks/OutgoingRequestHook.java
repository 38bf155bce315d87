package io.dt4j.graphsync.hooks;

import io.dt4j.api.PeerId;
import io.dt4j.graphsync.message.NewRequest;

/** Requester side: runs before a new request is sent (graphsync spec §5.3 step 1). */
@FunctionalInterface
public interface OutgoingRequestHook {

  /**
   * Looks at a request about to be sent.
   *
   * @param peer the responder
   * @param request the request
   * @param actions what the hook may do
   */
  void onOutgoingRequest(PeerId peer, NewRequest request, OutgoingRequestActions actions);

  /** What an {@link OutgoingRequestHook} may do. */
  interface OutgoingRequestActions {
    /**
     * Stores the received blocks in the blockstore registered under this name; the request then
     * carries {@code graphsync/dedup-by-key} with the name, as go-graphsync does.
     *
     * @param name a persistence option's name
     */
    void usePersistenceOption(String name);
  }
}
