package io.dt4j.graphsync.message;

import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Node;
import java.util.Objects;

/**
 * A request to start a query: traverse {@code selector} from {@code root} and send the blocks
 * (cancel and update flags false on the wire). Also what request hooks see.
 *
 * @param id the request id
 * @param root the root block's CID
 * @param selector the IPLD selector as a data-model node (DAG-CBOR on the wire)
 * @param priority the priority; Go requesters send 0
 * @param extensions the extension data
 */
public record NewRequest(int id, Cid root, Node selector, int priority, Extensions extensions)
    implements GraphsyncRequest {

  /**
   * Rejects nulls.
   *
   * @param id the request id
   * @param root the root block's CID
   * @param selector the selector node
   * @param priority the priority
   * @param extensions the extension data
   */
  public NewRequest {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(extensions, "extensions");
  }

  /**
   * Returns this request with other extensions (the same id, root and selector).
   *
   * @param replacement the extensions
   * @return the request
   */
  public NewRequest withExtensions(Extensions replacement) {
    return new NewRequest(id, root, selector, priority, replacement);
  }
}
