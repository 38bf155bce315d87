package io.dt4j.graphsync.message;

import io.dt4j.ipld.Block;
import java.util.List;

/**
 * One graphsync 1.0 message (graphsync spec §2.1): requests (the sender as requester), responses
 * and blocks (the sender as responder), any of them possibly empty. Order inside each list carries
 * no meaning on the wire except for the blocks' order across messages (§2.2).
 *
 * @param requests the request entries
 * @param responses the response entries
 * @param blocks the blocks, each named by the CID derived from its prefix and data (§2.3)
 */
public record GraphsyncMessage(
    List<GraphsyncRequest> requests, List<GraphsyncResponse> responses, List<Block> blocks) {

  /**
   * Copies the lists.
   *
   * @param requests the request entries
   * @param responses the response entries
   * @param blocks the blocks
   */
  public GraphsyncMessage {
    requests = List.copyOf(requests);
    responses = List.copyOf(responses);
    blocks = List.copyOf(blocks);
  }

  /**
   * Returns a message holding requests only.
   *
   * @param requests the requests
   * @return the message
   */
  public static GraphsyncMessage ofRequests(GraphsyncRequest... requests) {
    return new GraphsyncMessage(List.of(requests), List.of(), List.of());
  }

  /**
   * Tells whether the message carries nothing.
   *
   * @return true if all three lists are empty
   */
  public boolean isEmpty() {
    return requests.isEmpty() && responses.isEmpty() && blocks.isEmpty();
  }
}
