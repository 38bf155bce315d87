package io.dt4j.ipld.traversal;

import io.dt4j.ipld.Node;
import io.dt4j.ipld.selector.Interests;
import io.dt4j.ipld.selector.PathSegment;
import io.dt4j.ipld.selector.Selector;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A map or list whose children the traversal is going through: one stack entry of the cursor. The
 * children come in go-ipld-prime's order ({@code walkAdv_iterateAll} / {@code
 * walkAdv_iterateSelective}): with all interests, the node's own order (map entries as decoded,
 * list items by index); with listed interests, the listed order, absent ones left out.
 */
final class Frame {
  final Node node;
  final Selector selector;
  final Path path;

  /** The listed interests; null when all children are of interest. */
  private final List<PathSegment> segments;

  /** The map's entries when all children are of interest. */
  private final Iterator<Map.Entry<String, Node>> entries;

  /** The next list index or interest position. */
  private int position;

  /**
   * A child the selector may explore.
   *
   * @param segment its segment
   * @param value its value (a link not yet loaded)
   */
  record Child(PathSegment segment, Node value) {}

  Frame(Node node, Selector selector, Path path) {
    this.node = node;
    this.selector = selector;
    this.path = path;
    Interests interests = selector.interests();
    this.segments = interests instanceof Interests.Segments listed ? listed.segments() : null;
    this.entries =
        segments == null && node instanceof Node.MapNode map
            ? map.entries().entrySet().iterator()
            : null;
  }

  /** Returns the next child, or empty when this node is done. */
  Optional<Child> next() {
    if (segments != null) {
      while (position < segments.size()) {
        PathSegment segment = segments.get(position++);
        Optional<Node> value = segment.lookupIn(node);
        if (value.isPresent()) {
          return Optional.of(new Child(segment, value.get()));
        }
      }
      return Optional.empty();
    }
    if (entries != null) {
      if (!entries.hasNext()) {
        return Optional.empty();
      }
      Map.Entry<String, Node> entry = entries.next();
      return Optional.of(new Child(PathSegment.of(entry.getKey()), entry.getValue()));
    }
    List<Node> items = ((Node.ListNode) node).items();
    if (position >= items.size()) {
      return Optional.empty();
    }
    int index = position++;
    return Optional.of(new Child(PathSegment.of(index), items.get(index)));
  }
}
