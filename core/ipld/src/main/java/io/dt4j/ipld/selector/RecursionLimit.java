package io.dt4j.ipld.selector;

import io.dt4j.ipld.Node;

/**
 * How often an {@link ExploreRecursive} may restart its sequence: {@code {"none":{}}} or {@code
 * {"depth": n}}.
 */
public sealed interface RecursionLimit permits RecursionLimit.None, RecursionLimit.Depth {
  /** No limit. */
  None NONE = new None();

  /**
   * Returns the limit's data-model form.
   *
   * @return {@code {"none":{}}} or {@code {"depth": n}}
   */
  Node.MapNode toNode();

  /** No limit: {@code {"none":{}}}. */
  record None() implements RecursionLimit {
    @Override
    public Node.MapNode toNode() {
      return SelectorKeys.union(SelectorKeys.LIMIT_NONE, SelectorKeys.empty());
    }
  }

  /**
   * At most {@code depth} levels: with {@code R(depth=d, a(@))} nodes up to d−1 explore steps from
   * the start are visited; 0 behaves as 1, as in Go.
   *
   * @param depth the remaining depth, not negative
   */
  record Depth(long depth) implements RecursionLimit {
    /**
     * Rejects a negative depth.
     *
     * @param depth the remaining depth, not negative
     */
    public Depth {
      if (depth < 0) {
        throw new IllegalArgumentException("negative recursion depth " + depth);
      }
    }

    @Override
    public Node.MapNode toNode() {
      return SelectorKeys.union(SelectorKeys.LIMIT_DEPTH, Node.of(depth));
    }
  }
}
