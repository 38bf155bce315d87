package io.dt4j.graphsync;

import io.dt4j.api.PeerId;
import io.dt4j.graphsync.message.Extensions;
import io.dt4j.graphsync.message.NewRequest;
import java.util.concurrent.CompletionStage;

/**
 * A request this node sent: its outcome, its progress, and the controls. Thread-safe; the controls
 * take effect on the peer's executor and their stages complete once applied.
 */
public interface RequestHandle {

  /**
   * Returns the request id (sequential per node, from 0).
   *
   * @return the id
   */
  int id();

  /**
   * Returns the responder.
   *
   * @return the peer
   */
  PeerId peer();

  /**
   * Returns the request as first sent.
   *
   * @return the request
   */
  NewRequest request();

  /**
   * Returns the outcome: completes when the local traversal has ended, or fails with a {@link
   * GraphsyncException} saying why.
   *
   * @return the stage of the result
   */
  CompletionStage<RequestResult> result();

  /**
   * Returns the progress so far.
   *
   * @return a snapshot (its status is the last one received)
   */
  RequestResult progress();

  /**
   * Pauses the request: the responder is told to cancel, the local traversal keeps its place
   * (graphsync spec §3.5, go-graphsync v0.6–v0.10 behaviour).
   *
   * @return completes when the cancel was queued; fails with {@link RequestNotFoundException} if
   *     the request has ended
   */
  CompletionStage<Void> pause();

  /**
   * Resumes a paused request. When the traversal next needs a block it lacks, the request is sent
   * again with the same id, root and selector, these extensions added (replacing those of the same
   * name) and {@code graphsync/do-not-send-cids} listing the blocks already received.
   *
   * @param extensions extension data for the re-sent request
   * @return completes when applied; fails with {@link RequestNotFoundException} if the request has
   *     ended, or with {@link RequestNotPausedException} if it is running (its extensions are then
   *     not sent: send them with an update from a hook instead)
   */
  CompletionStage<Void> unpause(Extensions extensions);

  /**
   * Cancels the request: the responder is told, and {@link #result()} fails with {@link
   * RequestCancelledException}. Cancelling an ended request does nothing.
   *
   * @return completes when applied
   */
  CompletionStage<Void> cancel();
}
