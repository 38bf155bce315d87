package io.dt4j.ipld.selector;

import io.dt4j.ipld.Node;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code "i"}: applies {@code next} to one element of a list; explores nothing in other kinds.
 *
 * @param index the list index, not negative
 * @param next the selector for that element
 */
public record ExploreIndex(long index, Selector next) implements Selector {
  /**
   * Checks the arguments.
   *
   * @param index the list index, not negative
   * @param next the selector for that element
   */
  public ExploreIndex {
    if (index < 0) {
      throw new IllegalArgumentException("negative index " + index);
    }
    Objects.requireNonNull(next, "next");
  }

  @Override
  public Interests interests() {
    return new Interests.Segments(List.of(PathSegment.of(index)));
  }

  @Override
  public Optional<Selector> explore(Node node, PathSegment segment) {
    OptionalLong position = segment.asIndex();
    boolean hit =
        node instanceof Node.ListNode && position.isPresent() && position.getAsLong() == index;
    return hit ? Optional.of(next) : Optional.empty();
  }

  @Override
  public boolean decide(Node node) {
    return false;
  }

  @Override
  public Node.MapNode toNode() {
    return SelectorKeys.union(
        SelectorKeys.EXPLORE_INDEX,
        Node.map()
            .put(SelectorKeys.INDEX, Node.of(index))
            .put(SelectorKeys.NEXT, next.toNode())
            .build());
  }
}
