package io.dt4j.graphsync.message;

import java.util.Objects;

/**
 * Extension data for request {@code id} in progress (graphsync spec §3.4): root and selector cannot
 * change.
 *
 * @param id the request id
 * @param extensions the update's extension data
 */
public record UpdateRequest(int id, Extensions extensions) implements GraphsyncRequest {

  /**
   * Rejects nulls.
   *
   * @param id the request id
   * @param extensions the extension data
   */
  public UpdateRequest {
    Objects.requireNonNull(extensions, "extensions");
  }
}
