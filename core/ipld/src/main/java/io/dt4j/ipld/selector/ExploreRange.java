package io.dt4j.ipld.selector;

import io.dt4j.ipld.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code "r"}: applies {@code next} to the list elements {@code start ≤ i < end}, in index order;
 * explores nothing in other kinds.
 *
 * @param start the first index, not negative
 * @param end the index after the last, greater than {@code start} and at most {@link #MAX_WIDTH}
 *     past it
 * @param next the selector for each element
 */
public record ExploreRange(long start, long end, Selector next) implements Selector {
  /**
   * The widest range accepted. Go materialises one path segment per index when it parses a range,
   * so a Go peer could not use a much wider one either; the bound keeps a hostile selector from
   * costing memory or time here.
   */
  public static final long MAX_WIDTH = 1L << 20;

  /**
   * Checks the arguments.
   *
   * @param start the first index, not negative
   * @param end the index after the last
   * @param next the selector for each element
   */
  public ExploreRange {
    if (start < 0 || end <= start || end - start > MAX_WIDTH) {
      throw new IllegalArgumentException(
          "range [" + start + ", " + end + ") must have 0 <= start < end <= start + " + MAX_WIDTH);
    }
    Objects.requireNonNull(next, "next");
  }

  @Override
  public Interests interests() {
    List<PathSegment> segments = new ArrayList<>((int) (end - start));
    for (long i = start; i < end; i++) {
      segments.add(PathSegment.of(i));
    }
    return new Interests.Segments(segments);
  }

  @Override
  public Optional<Selector> explore(Node node, PathSegment segment) {
    OptionalLong position = segment.asIndex();
    boolean hit =
        node instanceof Node.ListNode
            && position.isPresent()
            && position.getAsLong() >= start
            && position.getAsLong() < end;
    return hit ? Optional.of(next) : Optional.empty();
  }

  @Override
  public boolean decide(Node node) {
    return false;
  }

  @Override
  public Node.MapNode toNode() {
    return SelectorKeys.union(
        SelectorKeys.EXPLORE_RANGE,
        Node.map()
            .put(SelectorKeys.START, Node.of(start))
            .put(SelectorKeys.END, Node.of(end))
            .put(SelectorKeys.NEXT, next.toNode())
            .build());
  }
}
