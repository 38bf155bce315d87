package io.dt4j.ipld.selector;

import io.dt4j.ipld.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code "|"}: applies every member. Interests are all children if any member wants all, else the
 * members' segment lists concatenated in member order, duplicates kept (Go then visits a child
 * named twice twice). A child explored by several members gets a union of their next selectors.
 *
 * @param members the member selectors, in order
 */
public record ExploreUnion(List<Selector> members) implements Selector {
  /**
   * Copies the members.
   *
   * @param members the member selectors, in order
   */
  public ExploreUnion {
    members = List.copyOf(members);
  }

  @Override
  public Interests interests() {
    List<PathSegment> segments = new ArrayList<>();
    for (Selector member : members) {
      Interests wanted = member.interests();
      if (wanted instanceof Interests.Segments some) {
        segments.addAll(some.segments());
      } else {
        return wanted;
      }
    }
    return new Interests.Segments(segments);
  }

  @Override
  public Optional<Selector> explore(Node node, PathSegment segment) {
    List<Selector> next = new ArrayList<>(members.size());
    for (Selector member : members) {
      member.explore(node, segment).ifPresent(next::add);
    }
    return of(next);
  }

  /**
   * Returns the selector standing for several: none, the only one, or their union (as Go's
   * ExploreUnion.Explore folds its results).
   */
  static Optional<Selector> of(List<Selector> selectors) {
    return switch (selectors.size()) {
      case 0 -> Optional.empty();
      case 1 -> Optional.of(selectors.get(0));
      default -> Optional.of(new ExploreUnion(selectors));
    };
  }

  @Override
  public boolean decide(Node node) {
    for (Selector member : members) {
      if (member.decide(node)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Node.MapNode toNode() {
    List<Node> items = members.stream().map(member -> (Node) member.toNode()).toList();
    return SelectorKeys.union(SelectorKeys.EXPLORE_UNION, new Node.ListNode(items));
  }
}
