package io.dt4j.ipld.traversal;

/**
 * What a traversal does when the loader lacks a block. The two skipping rules are the two
 * go-ipld-prime behaviours graphsync responders show (graphsync spec §6.3).
 */
public enum MissingBlockPolicy {
  /** Throw {@link MissingBlockException}. */
  FAIL,
  /**
   * Report the block as missing and go on with the link's next sibling (go-ipld-prime ≥ v0.12.3,
   * go-graphsync v0.10).
   */
  SKIP,
  /**
   * Report the block as missing and skip the link's remaining siblings too: the map or list holding
   * the link is left (go-ipld-prime &lt; v0.12.3, go-graphsync v0.6–v0.9).
   */
  SKIP_REMAINING_SIBLINGS
}
