package io.dt4j.ipld.selector;

import io.dt4j.ipld.Node;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One step of a path inside a node: a map key or a list index. As in go-ipld-prime either form can
 * address either kind of node: a field {@code "2"} addresses list index 2 and an index 2 addresses
 * map key {@code "2"}.
 */
public sealed interface PathSegment permits PathSegment.Field, PathSegment.Index {

  /**
   * Returns a field segment.
   *
   * @param name the map key
   * @return the segment
   */
  static PathSegment of(String name) {
    return new Field(name);
  }

  /**
   * Returns an index segment.
   *
   * @param index the list index
   * @return the segment
   */
  static PathSegment of(long index) {
    return new Index(index);
  }

  /**
   * Returns the segment as a map key (an index in decimal).
   *
   * @return the key
   */
  String asString();

  /**
   * Returns the segment as a list index; a field converts when it is a decimal integer with an
   * optional sign, as Go's {@code strconv.ParseInt(s, 10, 64)} reads it.
   *
   * @return the index, or empty if the field is not a decimal integer
   */
  OptionalLong asIndex();

  /**
   * Looks this segment up in a node, as go-ipld-prime's {@code LookupBySegment}: maps by key, lists
   * by index, other kinds have no children.
   *
   * @param node the parent node
   * @return the child, or empty if absent
   */
  default Optional<Node> lookupIn(Node node) {
    if (node instanceof Node.MapNode map) {
      return Optional.ofNullable(map.entries().get(asString()));
    }
    if (node instanceof Node.ListNode list) {
      OptionalLong index = asIndex();
      if (index.isPresent() && index.getAsLong() >= 0 && index.getAsLong() < list.items().size()) {
        return Optional.of(list.items().get((int) index.getAsLong()));
      }
    }
    return Optional.empty();
  }

  /**
   * A map key.
   *
   * @param name the key
   */
  record Field(String name) implements PathSegment {
    /**
     * Rejects null.
     *
     * @param name the key
     */
    public Field {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String asString() {
      return name;
    }

    @Override
    public OptionalLong asIndex() {
      int start = !name.isEmpty() && (name.charAt(0) == '+' || name.charAt(0) == '-') ? 1 : 0;
      if (start == name.length()) {
        return OptionalLong.empty();
      }
      for (int i = start; i < name.length(); i++) {
        // ASCII digits only: Long.parseLong would also take other Unicode digits, Go does not.
        if (name.charAt(i) < '0' || name.charAt(i) > '9') {
          return OptionalLong.empty();
        }
      }
      try {
        return OptionalLong.of(Long.parseLong(name));
      } catch (NumberFormatException outOfRange) {
        return OptionalLong.empty();
      }
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * A list index.
   *
   * @param index the index
   */
  record Index(long index) implements PathSegment {
    @Override
    public String asString() {
      return Long.toString(index);
    }

    @Override
    public OptionalLong asIndex() {
      return OptionalLong.of(index);
    }

    @Override
    public String toString() {
      return asString();
    }
  }
}
