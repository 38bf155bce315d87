package io.dt4j.graphsync.hooks;

import io.dt4j.api.PeerId;
import io.dt4j.graphsync.message.NewRequest;

/**
 * Responder side: told when a message of a response could not be sent after every retry; the
 * response is then abandoned without further messages (graphsync spec §5.1 step 6).
 */
@FunctionalInterface
public interface NetworkErrorListener {

  /**
   * Sending failed.
   *
   * @param peer the requester
   * @param request the request that was being served
   * @param error what failed
   */
  void onNetworkError(PeerId peer, NewRequest request, Exception error);
}
