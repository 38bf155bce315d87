package io.dt4j.ipld.selector;

import io.dt4j.ipld.Node;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code "a"}: applies {@code next} to every child of a map or list, in the node's order.
 *
 * @param next the selector for each child
 */
public record ExploreAll(Selector next) implements Selector {
  /**
   * Rejects null.
   *
   * @param next the selector for each child
   */
  public ExploreAll {
    Objects.requireNonNull(next, "next");
  }

  @Override
  public Interests interests() {
    return Interests.ALL;
  }

  @Override
  public Optional<Selector> explore(Node node, PathSegment segment) {
    return Optional.of(next);
  }

  @Override
  public boolean decide(Node node) {
    return false;
  }

  @Override
  public Node.MapNode toNode() {
    return SelectorKeys.union(
        SelectorKeys.EXPLORE_ALL, Node.map().put(SelectorKeys.NEXT, next.toNode()).build());
  }
}
