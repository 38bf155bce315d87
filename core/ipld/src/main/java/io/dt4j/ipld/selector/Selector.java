package io.dt4j.ipld.selector;

import io.dt4j.ipld.Node;
import java.util.Optional;

/**
 * A compiled IPLD selector (graphsync spec §6.2), or the state one reaches while a traversal
 * explores (an {@link ExploreRecursive} remembers its current step and remaining depth). Each
 * variant answers the three questions go-ipld-prime's traversal asks of a selector.
 *
 * <p>Obtain one from {@link SelectorParser#parse(Node)}; records built by hand are not validated
 * (an {@link ExploreRecursiveEdge} outside an {@link ExploreRecursive}, for one, fails only when
 * the traversal reaches it).
 */
public sealed interface Selector
    permits Matcher,
        ExploreAll,
        ExploreFields,
        ExploreIndex,
        ExploreRange,
        ExploreUnion,
        ExploreRecursive,
        ExploreRecursiveEdge {

  /**
   * Tells which children of a map or list node to explore, and in which order.
   *
   * @return all children, or a list of segments
   */
  Interests interests();

  /**
   * Returns the selector to apply to the child at {@code segment} of {@code node}.
   *
   * @param node the parent node
   * @param segment the child's segment
   * @return the child's selector, or empty if the child is not explored
   */
  Optional<Selector> explore(Node node, PathSegment segment);

  /**
   * Tells whether {@code node} itself is matched (reported as a selection match).
   *
   * @param node the node the selector applies to
   * @return true if matched
   */
  boolean decide(Node node);

  /**
   * Returns the selector's data-model form, map entries in the order go-ipld-prime v0.10's builder
   * writes them, so that {@code DagCbor.encode} reproduces Go's bytes. An {@link ExploreRecursive}
   * writes its sequence, not its current state.
   *
   * @return the selector node
   */
  Node.MapNode toNode();
}
