package io.dt4j.ipld.selector;

import io.dt4j.ipld.Node;
import java.util.Optional;

/**
 * {@code "@"}: inside the sequence of an {@link ExploreRecursive}, the place where the sequence
 * starts again (refers to the nearest enclosing one). The enclosing {@link ExploreRecursive}
 * replaces it before it is ever asked anything; asked directly, it throws {@link
 * IllegalStateException} (Go panics).
 */
public record ExploreRecursiveEdge() implements Selector {

  @Override
  public Interests interests() {
    throw outsideRecursion();
  }

  @Override
  public Optional<Selector> explore(Node node, PathSegment segment) {
    throw outsideRecursion();
  }

  @Override
  public boolean decide(Node node) {
    throw outsideRecursion();
  }

  @Override
  public Node.MapNode toNode() {
    return SelectorKeys.union(SelectorKeys.EXPLORE_RECURSIVE_EDGE, SelectorKeys.empty());
  }

  private static IllegalStateException outsideRecursion() {
    return new IllegalStateException("ExploreRecursiveEdge reached outside an ExploreRecursive");
  }
}
