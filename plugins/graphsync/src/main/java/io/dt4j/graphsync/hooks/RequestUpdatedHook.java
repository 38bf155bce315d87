package io.dt4j.graphsync.hooks;

import io.dt4j.api.PeerId;
import io.dt4j.graphsync.message.NewRequest;
import io.dt4j.graphsync.message.UpdateRequest;

/**
 * Responder side: runs for each update the requester sends to a request in progress — before the
 * next block when running, at once when paused (graphsync spec §3.4).
 */
@FunctionalInterface
public interface RequestUpdatedHook {

  /**
   * Looks at an update.
   *
   * @param peer the requester
   * @param request the request being served
   * @param update the update and its extensions
   * @param actions what the hook may do
   */
  void onRequestUpdated(
      PeerId peer, NewRequest request, UpdateRequest update, RequestUpdatedActions actions);

  /** What a {@link RequestUpdatedHook} may do. */
  interface RequestUpdatedActions {
    /**
     * Sends extension data in the response.
     *
     * @param name the extension name
     * @param data the payload
     */
    void sendExtensionData(String name, byte[] data);

    /**
     * Ends the response with status 32.
     *
     * @param reason why, for the log
     */
    void terminateWithError(String reason);

    /** Resumes a paused response. */
    void unpauseResponse();
  }
}
