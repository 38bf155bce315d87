package io.dt4j.graphsync.hooks;

import io.dt4j.api.PeerId;
import io.dt4j.graphsync.message.NewRequest;

/**
 * Responder side: runs when a request is about to be served, before any block is read (graphsync
 * spec §5.1 step 2). A request that no hook validates is rejected, unless the node's default
 * validation accepts it. All registered hooks run, in registration order.
 */
@FunctionalInterface
public interface IncomingRequestHook {

  /**
   * Looks at a request.
   *
   * @param peer the requester
   * @param request the request
   * @param actions what the hook may do
   */
  void onIncomingRequest(PeerId peer, NewRequest request, IncomingRequestActions actions);

  /** What an {@link IncomingRequestHook} may do with the request. */
  interface IncomingRequestActions {
    /** Accepts the request. */
    void validateRequest();

    /** Accepts it but sends status 15 (paused) instead of blocks, until it is unpaused. */
    void pauseResponse();

    /**
     * Rejects the request with status 32 (RequestFailedUnknown).
     *
     * @param reason why, for the log
     */
    void terminateWithError(String reason);

    /**
     * Sends extension data in the response, ahead of any block.
     *
     * @param name the extension name
     * @param data the payload
     */
    void sendExtensionData(String name, byte[] data);

    /**
     * Reads the blocks from the blockstore registered under this name instead of the default one.
     *
     * @param name a persistence option's name
     */
    void usePersistenceOption(String name);
  }
}
