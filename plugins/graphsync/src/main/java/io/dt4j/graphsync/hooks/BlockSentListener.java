package io.dt4j.graphsync.hooks;

import io.dt4j.api.PeerId;
import io.dt4j.graphsync.message.NewRequest;

/**
 * Responder side: told when the message carrying a block (or its metadata, when de-duplicated) was
 * written to the stream (graphsync spec §5.1 step 6).
 */
@FunctionalInterface
public interface BlockSentListener {

  /**
   * A block went out.
   *
   * @param peer the requester
   * @param request the request served
   * @param block the block; {@link BlockData#sizeOnWire()} 0 if only its metadata went out
   */
  void onBlockSent(PeerId peer, NewRequest request, BlockData block);
}
