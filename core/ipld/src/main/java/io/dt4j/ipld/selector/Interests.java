package io.dt4j.ipld.selector;

import java.util.List;

/**
 * Which children of a map or list a selector wants to explore (go-ipld-prime's {@code
 * Interests()}): all of them, in the node's own order, or the listed segments in the listed order.
 */
public sealed interface Interests permits Interests.All, Interests.Segments {
  /** All children. */
  All ALL = new All();

  /** Every child, in the node's iteration order (Go's {@code nil} interests). */
  record All() implements Interests {}

  /**
   * Exactly these segments, in this order; duplicates are kept (and visited twice), as in Go.
   *
   * @param segments the segments
   */
  record Segments(List<PathSegment> segments) implements Interests {
    /**
     * Copies the segments.
     *
     * @param segments the segments
     */
    public Segments {
      segments = List.copyOf(segments);
    }
  }
}
