package io.dt4j.graphsync.hooks;

import io.dt4j.api.PeerId;
import io.dt4j.graphsync.message.Extensions;
import io.dt4j.graphsync.message.GraphsyncResponse;

/**
 * Requester side: runs for each response entry received for a request in progress, before its
 * blocks are used (graphsync spec §5.3 step 4).
 */
@FunctionalInterface
public interface IncomingResponseHook {

  /**
   * Looks at a response.
   *
   * @param peer the responder
   * @param response the response entry, with its status and extensions
   * @param actions what the hook may do
   */
  void onIncomingResponse(PeerId peer, GraphsyncResponse response, IncomingResponseActions actions);

  /** What an {@link IncomingResponseHook} may do. */
  interface IncomingResponseActions {
    /**
     * Cancels the request and fails it locally.
     *
     * @param reason why
     */
    void terminateWithError(String reason);

    /**
     * Sends an update with these extensions to the responder.
     *
     * @param extensions the update's extension data
     */
    void updateRequest(Extensions extensions);
  }
}
