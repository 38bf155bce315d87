package io.dt4j.graphsync.extensions;

import io.dt4j.ipld.Cid;
import java.util.Objects;

/**
 * One link load of a responder's traversal: the link, and whether the responder had its block
 * (graphsync spec §4.2.1, IPLD schema {@code LinkMetadata}).
 *
 * @param link the link traversed
 * @param blockPresent true if the responder had the block (it is sent unless de-duplicated)
 */
public record LinkMetadata(Cid link, boolean blockPresent) {

  /**
   * Rejects a null link.
   *
   * @param link the link traversed
   * @param blockPresent true if the responder had the block
   */
  public LinkMetadata {
    Objects.requireNonNull(link, "link");
  }
}
