package io.dt4j.graphsync.hooks;

import io.dt4j.api.PeerId;
import io.dt4j.graphsync.GraphsyncException;
import io.dt4j.graphsync.RequestResult;
import io.dt4j.graphsync.message.NewRequest;
import java.util.Optional;

/**
 * Requester side: told when a request this node sent has ended, successfully or not
 * (go-data-transfer completes or fails the channel from it, data-transfer spec §6.3).
 */
@FunctionalInterface
public interface RequestFinishedListener {

  /**
   * A request ended.
   *
   * @param peer the responder
   * @param request the request
   * @param result what it received
   * @param failure why it failed; empty on success
   */
  void onRequestFinished(
      PeerId peer, NewRequest request, RequestResult result, Optional<GraphsyncException> failure);
}
