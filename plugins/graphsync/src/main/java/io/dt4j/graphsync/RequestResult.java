package io.dt4j.graphsync;

import io.dt4j.graphsync.message.ResponseStatusCode;
import io.dt4j.ipld.Cid;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a request ended, or how far it got: what the local traversal consumed and what the responder
 * said.
 *
 * @param status the last status the responder sent, if any (a traversal can finish before the
 *     terminal status arrives)
 * @param blocksReceived blocks verified and stored from the network
 * @param bytesReceived bytes of those blocks
 * @param blocksFromStore blocks the traversal found in the local blockstore instead
 * @param missingLinks links the responder did not have (partial responses, status 21)
 */
public record RequestResult(
    Optional<ResponseStatusCode> status,
    long blocksReceived,
    long bytesReceived,
    long blocksFromStore,
    List<Cid> missingLinks) {

  /**
   * Copies the list and rejects nulls.
   *
   * @param status the last status
   * @param blocksReceived blocks from the network
   * @param bytesReceived bytes from the network
   * @param blocksFromStore blocks from the local store
   * @param missingLinks links the responder lacked
   */
  public RequestResult {
    Objects.requireNonNull(status, "status");
    missingLinks = List.copyOf(missingLinks);
  }
}
