package io.dt4j.graphsync.message;

import java.util.Objects;

/**
 * One entry of a message's response list: the status of request {@code id} and its extension data
 * (graphsync spec §3.2), among them the response metadata naming the links of the blocks sent.
 *
 * @param id the request id answered
 * @param status the status
 * @param extensions the extension data
 */
public record GraphsyncResponse(int id, ResponseStatusCode status, Extensions extensions) {

  /**
   * Rejects nulls.
   *
   * @param id the request id
   * @param status the status
   * @param extensions the extension data
   */
  public GraphsyncResponse {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(extensions, "extensions");
  }
}
