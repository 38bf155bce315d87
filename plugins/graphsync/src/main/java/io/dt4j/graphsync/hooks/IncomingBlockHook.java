package io.dt4j.graphsync.hooks;

import io.dt4j.api.PeerId;
import io.dt4j.graphsync.message.Extensions;
import io.dt4j.graphsync.message.NewRequest;

/**
 * Requester side: runs for each block the local traversal consumed — verified and stored, or found
 * locally ({@link BlockData#sizeOnWire()} 0) — in traversal order (graphsync spec §5.3 step 6).
 */
@FunctionalInterface
public interface IncomingBlockHook {

  /**
   * Looks at a received block.
   *
   * @param peer the responder
   * @param request the request
   * @param block the block
   * @param actions what the hook may do
   */
  void onIncomingBlock(
      PeerId peer, NewRequest request, BlockData block, IncomingBlockActions actions);

  /** What an {@link IncomingBlockHook} may do. */
  interface IncomingBlockActions {
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

    /** Pauses the request after this block (graphsync spec §3.5: cancel now, re-request later). */
    void pauseRequest();
  }
}
