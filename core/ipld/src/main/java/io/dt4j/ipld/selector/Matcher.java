package io.dt4j.ipld.selector;

import io.dt4j.ipld.Node;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code "."}: matches the node it applies to and explores nothing. The optional {@code label} and
 * {@code subset} fields of later go-ipld-prime versions are kept for a faithful {@link #toNode()}
 * but, as in go-ipld-prime v0.12 (graphsync ≤ v0.10), they do not change what matches.
 *
 * @param label the match label, if given
 * @param subset the byte range to match, if given
 */
public record Matcher(Optional<String> label, Optional<Subset> subset) implements Selector {
  /**
   * Rejects nulls.
   *
   * @param label the match label, if given
   * @param subset the byte range to match, if given
   */
  public Matcher {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(subset, "subset");
  }

  /** The plain matcher {@code {".":{}}}. */
  public Matcher() {
    this(Optional.empty(), Optional.empty());
  }

  /**
   * The {@code subset} body {@code {"[": from, "]": to}}.
   *
   * @param from the first byte offset
   * @param to the end byte offset
   */
  public record Subset(long from, long to) {}

  @Override
  public Interests interests() {
    return new Interests.Segments(java.util.List.of());
  }

  @Override
  public Optional<Selector> explore(Node node, PathSegment segment) {
    return Optional.empty();
  }

  @Override
  public boolean decide(Node node) {
    return true;
  }

  @Override
  public Node.MapNode toNode() {
    Node.MapBuilder body = Node.map();
    label.ifPresent(value -> body.put(SelectorKeys.LABEL, Node.of(value)));
    subset.ifPresent(
        range ->
            body.put(
                SelectorKeys.SUBSET,
                Node.map()
                    .put(SelectorKeys.FROM, Node.of(range.from()))
                    .put(SelectorKeys.TO, Node.of(range.to()))
                    .build()));
    return SelectorKeys.union(SelectorKeys.MATCHER, body.build());
  }
}
