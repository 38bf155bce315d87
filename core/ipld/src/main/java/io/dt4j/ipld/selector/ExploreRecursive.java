package io.dt4j.ipld.selector;

import io.dt4j.ipld.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code "R"}: runs {@code sequence}; wherever it reaches an {@link ExploreRecursiveEdge}, the
 * sequence starts again, until the limit runs out. As in go-ipld-prime, the record is also the
 * traversal state: {@code current} is the part of the sequence that applies to the current node and
 * {@code limit} what remains of the depth.
 *
 * <p>Explore (go-ipld-prime v0.12.3 {@code exploreRecursive.go}): a child meeting {@code stopAt} is
 * not explored; else {@code n = current.explore(child)}; no {@code n} → not explored; {@code n}
 * holding no edge (itself or as a union member) → same limit, current {@code n}; otherwise the edge
 * is replaced by the sequence and the depth drops by one, except that at depth below 2 the edge is
 * dropped instead (a bare edge → not explored).
 *
 * @param limit the remaining recursion limit
 * @param sequence the selector that restarts at each edge
 * @param stopAt a condition on a child that stops exploring it, if any (Go v0.9+)
 * @param current the selector for the node this state applies to
 */
public record ExploreRecursive(
    RecursionLimit limit, Selector sequence, Optional<Condition> stopAt, Selector current)
    implements Selector {

  /**
   * Rejects nulls.
   *
   * @param limit the remaining recursion limit
   * @param sequence the selector that restarts at each edge
   * @param stopAt a condition on a child that stops exploring it, if any
   * @param current the selector for the node this state applies to
   */
  public ExploreRecursive {
    Objects.requireNonNull(limit, "limit");
    Objects.requireNonNull(sequence, "sequence");
    Objects.requireNonNull(stopAt, "stopAt");
    Objects.requireNonNull(current, "current");
  }

  /**
   * A recursion at its start: {@code current} is the sequence.
   *
   * @param limit the recursion limit
   * @param sequence the selector that restarts at each edge
   * @param stopAt a condition on a child that stops exploring it, if any
   */
  public ExploreRecursive(RecursionLimit limit, Selector sequence, Optional<Condition> stopAt) {
    this(limit, sequence, stopAt, sequence);
  }

  @Override
  public Interests interests() {
    return current.interests();
  }

  @Override
  public Optional<Selector> explore(Node node, PathSegment segment) {
    if (stopAt.isPresent()) {
      Optional<Node> child = segment.lookupIn(node);
      if (child.isPresent() && stopAt.get().test(child.get())) {
        return Optional.empty();
      }
    }
    Optional<Selector> explored = current.explore(node, segment);
    if (explored.isEmpty()) {
      return Optional.empty();
    }
    Selector next = explored.get();
    if (!hasEdge(next)) {
      return Optional.of(new ExploreRecursive(limit, sequence, stopAt, next));
    }
    if (limit instanceof RecursionLimit.Depth depth) {
      if (depth.depth() < 2) {
        return replaceEdge(next, null);
      }
      RecursionLimit lower = new RecursionLimit.Depth(depth.depth() - 1);
      return replaceEdge(next, sequence)
          .map(replaced -> new ExploreRecursive(lower, sequence, stopAt, replaced));
    }
    return replaceEdge(next, sequence)
        .map(replaced -> new ExploreRecursive(limit, sequence, stopAt, replaced));
  }

  @Override
  public boolean decide(Node node) {
    return current.decide(node);
  }

  @Override
  public Node.MapNode toNode() {
    Node.MapBuilder body =
        Node.map()
            .put(SelectorKeys.LIMIT, limit.toNode())
            .put(SelectorKeys.SEQUENCE, sequence.toNode());
    stopAt.ifPresent(condition -> body.put(SelectorKeys.STOP_AT, condition.toNode()));
    return SelectorKeys.union(SelectorKeys.EXPLORE_RECURSIVE, body.build());
  }

  /** An edge, or a union with an edge among its members (at any union nesting), as Go checks. */
  static boolean hasEdge(Selector selector) {
    if (selector instanceof ExploreRecursiveEdge) {
      return true;
    }
    return selector instanceof ExploreUnion union
        && union.members().stream().anyMatch(ExploreRecursive::hasEdge);
  }

  /**
   * Replaces edges (direct or union members) by {@code replacement}, dropping them when it is null;
   * a union left with one member becomes that member, with none nothing.
   */
  private static Optional<Selector> replaceEdge(Selector selector, Selector replacement) {
    if (selector instanceof ExploreRecursiveEdge) {
      return Optional.ofNullable(replacement);
    }
    if (selector instanceof ExploreUnion union) {
      List<Selector> members = new ArrayList<>(union.members().size());
      for (Selector member : union.members()) {
        replaceEdge(member, replacement).ifPresent(members::add);
      }
      return ExploreUnion.of(members);
    }
    return Optional.of(selector);
  }
}
