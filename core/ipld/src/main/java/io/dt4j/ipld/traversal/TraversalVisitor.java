package io.dt4j.ipld.traversal;

import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Node;

/**
 * Told about every node a traversal visits (go-ipld-prime's {@code AdvVisitFn}) and every block it
 * loads or finds missing, in traversal order. Callbacks run on the thread calling {@link
 * TraversalCursor#nextBlock()}.
 */
@FunctionalInterface
public interface TraversalVisitor {
  /** A visitor that looks at nothing and always continues. */
  TraversalVisitor CONTINUE_ALL = (path, node, matched) -> VisitControl.CONTINUE;

  /**
   * Visits a node (pre-order: before its children).
   *
   * @param path where the node is, from the traversal's root
   * @param node the node; for a loaded block, its decoded root node
   * @param matched true if the selector matched the node (go-ipld-prime's SelectionMatch)
   * @return what to do next
   */
  VisitControl visitNode(Path path, Node node, boolean matched);

  /**
   * Reports a loaded block, before its node is visited.
   *
   * @param cid the block's CID
   * @param path the path of the link that was followed (empty for the root)
   * @param size the block's size in bytes
   */
  default void blockLoaded(Cid cid, Path path, int size) {}

  /**
   * Reports a block the loader did not have, when the traversal is set to skip missing blocks.
   *
   * @param cid the block's CID
   * @param path the path of the link that was followed (empty for the root)
   */
  default void blockMissing(Cid cid, Path path) {}
}
