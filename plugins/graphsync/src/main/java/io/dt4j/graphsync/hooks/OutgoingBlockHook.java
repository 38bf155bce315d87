package io.dt4j.graphsync.hooks;

import io.dt4j.api.PeerId;
import io.dt4j.graphsync.message.NewRequest;

/**
 * Responder side: runs for each block the traversal found, before it is queued for sending, also
 * when its bytes are de-duplicated ({@link BlockData#sizeOnWire()} 0). Graphsync spec §5.1 step 4.
 */
@FunctionalInterface
public interface OutgoingBlockHook {

  /**
   * Looks at a block about to be sent.
   *
   * @param peer the requester
   * @param request the request being served
   * @param block the block
   * @param actions what the hook may do
   */
  void onOutgoingBlock(
      PeerId peer, NewRequest request, BlockData block, OutgoingBlockActions actions);

  /** What an {@link OutgoingBlockHook} may do. */
  interface OutgoingBlockActions {
    /**
     * Sends extension data in the same message as the block.
     *
     * @param name the extension name
     * @param data the payload
     */
    void sendExtensionData(String name, byte[] data);

    /**
     * Ends the response with status 32 after this block.
     *
     * @param reason why, for the log
     */
    void terminateWithError(String reason);

    /** Pauses the response after this block (status 15 in the same message). */
    void pauseResponse();
  }
}
