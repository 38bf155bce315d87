package io.dt4j.ipld.selector;

import io.dt4j.ipld.Node;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code "f"}: applies a selector per named field. The traversal visits the fields in the order of
 * this map (the order of the {@code "f>"} map as decoded), not in the node's order. A field name
 * that is a decimal integer also addresses that index of a list.
 *
 * @param fields field name to selector, in exploration order
 */
public record ExploreFields(Map<String, Selector> fields) implements Selector {
  /**
   * Copies the fields, keeping their order.
   *
   * @param fields field name to selector, in exploration order
   */
  public ExploreFields {
    Map<String, Selector> copy = new LinkedHashMap<>();
    fields.forEach(
        (name, selector) ->
            copy.put(Objects.requireNonNull(name), Objects.requireNonNull(selector)));
    fields = Collections.unmodifiableMap(copy);
  }

  @Override
  public Interests interests() {
    List<PathSegment> segments = fields.keySet().stream().map(PathSegment::of).toList();
    return new Interests.Segments(segments);
  }

  @Override
  public Optional<Selector> explore(Node node, PathSegment segment) {
    return Optional.ofNullable(fields.get(segment.asString()));
  }

  @Override
  public boolean decide(Node node) {
    return false;
  }

  @Override
  public Node.MapNode toNode() {
    Node.MapBuilder selections = Node.map();
    fields.forEach((name, selector) -> selections.put(name, selector.toNode()));
    return SelectorKeys.union(
        SelectorKeys.EXPLORE_FIELDS,
        Node.map().put(SelectorKeys.FIELDS, selections.build()).build());
  }
}
