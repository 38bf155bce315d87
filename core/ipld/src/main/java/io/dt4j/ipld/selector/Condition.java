package io.dt4j.ipld.selector;

import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Node;
import java.util.Objects;

/**
 * A condition on a node; the only kind Go peers of the graphsync 1.0.0 era know is "is a link to
 * this CID", {@code {"/": CID}}, used as an {@link ExploreRecursive} stop condition (v0.9+).
 */
public sealed interface Condition permits Condition.IsLink {

  /**
   * Tells whether a node meets the condition.
   *
   * @param node the node (the child about to be explored, before any link is loaded)
   * @return true if met
   */
  boolean test(Node node);

  /**
   * Returns the condition's data-model form.
   *
   * @return the condition node
   */
  Node.MapNode toNode();

  /**
   * Met by a link to {@code cid}.
   *
   * @param cid the CID
   */
  record IsLink(Cid cid) implements Condition {
    /**
     * Rejects null.
     *
     * @param cid the CID
     */
    public IsLink {
      Objects.requireNonNull(cid, "cid");
    }

    @Override
    public boolean test(Node node) {
      return node instanceof Node.Link link && link.cid().equals(cid);
    }

    @Override
    public Node.MapNode toNode() {
      return SelectorKeys.union(SelectorKeys.CONDITION_LINK, Node.link(cid));
    }
  }
}
