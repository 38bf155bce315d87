package io.dt4j.ipld.traversal;

/** What a {@link TraversalVisitor} tells the traversal after seeing a node. */
public enum VisitControl {
  /** Go on, exploring the node's children as the selector says. */
  CONTINUE,
  /** Do not explore this node's children; go on with its next sibling. */
  SKIP,
  /** End the traversal now; the cursor reports no more blocks. */
  STOP
}
