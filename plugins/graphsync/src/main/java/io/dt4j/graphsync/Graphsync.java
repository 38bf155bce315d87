package io.dt4j.graphsync;

import io.dt4j.api.PeerId;
import io.dt4j.graphsync.hooks.GraphsyncHooks;
import io.dt4j.graphsync.message.Extensions;
import io.dt4j.ipld.Blockstore;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Node;
import java.util.concurrent.CompletionStage;

/**
 * A graphsync 1.0 node (protocol {@value #PROTOCOL_ID}), requester and responder at once (graphsync
 * spec §5): it asks peers for the blocks a selector picks out of a DAG, verifying each against its
 * own traversal before storing it, and serves such requests from its blockstore. Hooks registered
 * on {@link #hooks()} see and steer every step, which is how the data-transfer transport rides on
 * it. Thread-safe; nothing blocks on the network.
 */
public interface Graphsync extends AutoCloseable {

  /** The libp2p protocol id. */
  String PROTOCOL_ID = "/ipfs/graphsync/1.0.0";

  /**
   * Returns this node's peer id.
   *
   * @return the peer id
   */
  PeerId peerId();

  /**
   * Returns the hook and listener registry.
   *
   * @return the hooks
   */
  GraphsyncHooks hooks();

  /**
   * Sends a request: the responder traverses {@code selector} from {@code root} and streams the
   * blocks; this node runs the same traversal over what arrives and stores only the blocks it asks
   * for (verified by their CIDs, graphsync spec §5.3–5.4).
   *
   * @param peer the responder
   * @param root the root block's CID
   * @param selector the selector
   * @param extensions extension data for the request
   * @param listener told about each block and response; {@link RequestListener#NONE} for none
   * @return the request's handle
   * @throws io.dt4j.ipld.selector.InvalidSelectorException if the selector does not compile (it is
   *     then not sent)
   * @throws IllegalStateException if the node is closed
   */
  RequestHandle request(
      PeerId peer, Cid root, Node selector, Extensions extensions, RequestListener listener);

  /**
   * Sends a request without extensions or listener.
   *
   * @param peer the responder
   * @param root the root block's CID
   * @param selector the selector
   * @return the request's handle
   */
  default RequestHandle request(PeerId peer, Cid root, Node selector) {
    return request(peer, root, selector, Extensions.none(), RequestListener.NONE);
  }

  /**
   * Pauses a response this node is serving: status 15 is sent and the traversal waits.
   *
   * @param peer the requester
   * @param requestId its request id
   * @return completes when paused; fails with {@link RequestNotFoundException} if there is no such
   *     response
   */
  CompletionStage<Void> pauseResponse(PeerId peer, int requestId);

  /**
   * Resumes a paused response, sending the extensions (if any) in a response entry first.
   *
   * @param peer the requester
   * @param requestId its request id
   * @param extensions extension data to send
   * @return completes when resumed; fails with {@link RequestNotFoundException} if there is no such
   *     response
   */
  CompletionStage<Void> unpauseResponse(PeerId peer, int requestId, Extensions extensions);

  /**
   * Cancels a response this node is serving: status 35 is sent and its state dropped.
   *
   * @param peer the requester
   * @param requestId its request id
   * @return completes when cancelled; fails with {@link RequestNotFoundException} if there is no
   *     such response
   */
  CompletionStage<Void> cancelResponse(PeerId peer, int requestId);

  /**
   * Registers a blockstore that hooks may choose for a request or response by name (go-graphsync's
   * persistence options; data-transfer uses one per channel).
   *
   * @param name the option's name
   * @param blockstore the store
   * @throws IllegalArgumentException if the name is taken
   */
  void registerPersistenceOption(String name, Blockstore blockstore);

  /**
   * Removes a persistence option; requests already using it keep it.
   *
   * @param name the option's name
   */
  void unregisterPersistenceOption(String name);

  /**
   * Returns counters and high-water marks of the node's buffers.
   *
   * @return a snapshot
   */
  GraphsyncStats stats();

  /**
   * Stops the node: cancels its requests, drops its responses, stops serving the protocol and ends
   * its threads. Idempotent.
   */
  @Override
  void close();
}
