package io.dt4j.graphsync.transport;

import io.dt4j.graphsync.GraphsyncException;
import io.dt4j.graphsync.RequestResult;
import io.dt4j.graphsync.ResponderFailedException;
import io.dt4j.graphsync.message.NewRequest;
import io.dt4j.graphsync.message.ResponseStatusCode;
import java.util.Optional;

/**
 * Why a channel's own graphsync request that ended without being cancelled fails the channel
 * (data-transfer.md §6.3, request finished), in go-data-transfer's words: {@code graphsync request
 * failed to complete: <graphsync's error>}. Each reason names the CID that was missing.
 */
final class RequestEndings {
  /** Go's prefix for a request that ended with an error. */
  static final String REQUEST_FAILED = "graphsync request failed to complete: ";

  private RequestEndings() {}

  /**
   * A request that completed, but partially: the responder lacked a block of the DAG. Go's
   * requester reports each such link as an error ({@code RemoteMissingBlockErr}), so the channel
   * fails rather than completes with holes.
   *
   * @return the reason, or empty if every block arrived
   */
  static Optional<String> missingBlock(RequestResult result) {
    return result.missingLinks().stream()
        .findFirst()
        .map(cid -> REQUEST_FAILED + "remote peer is missing block (" + cid + ")");
  }

  /** A request that failed: graphsync's message, naming the root the responder does not have. */
  static String failed(NewRequest request, GraphsyncException failure) {
    String reason = REQUEST_FAILED + failure.getMessage();
    if (failure instanceof ResponderFailedException responder
        && responder.status() == ResponseStatusCode.REQUEST_FAILED_CONTENT_NOT_FOUND) {
      reason += ": the responder does not have the root " + request.root();
    }
    return reason;
  }
}
