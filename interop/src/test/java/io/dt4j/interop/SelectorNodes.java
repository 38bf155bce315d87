package io.dt4j.interop;

import io.dt4j.ipld.Node;

/**
 * IPLD selectors as data-model nodes, built the way the selector spec writes them ({@code R},
 * {@code a}, {@code f}, {@code i}, {@code @}, {@code .}), for the oracle scenarios.
 */
final class SelectorNodes {
  private SelectorNodes() {}

  /** {@code {"R":{"l":{"depth":d},":>":next}}}. */
  static Node recursive(int depth, Node next) {
    Node limit = Node.map().put("depth", Node.of(depth)).build();
    return Node.map().put("R", Node.map().put("l", limit).put(":>", next).build()).build();
  }

  /** {@code {"R":{"l":{"none":{}},":>":next}}}. */
  static Node recursiveUnlimited(Node next) {
    Node limit = Node.map().put("none", Node.map().build()).build();
    return Node.map().put("R", Node.map().put("l", limit).put(":>", next).build()).build();
  }

  /** {@code {"a":{">":next}}}. */
  static Node all(Node next) {
    return Node.map().put("a", Node.map().put(">", next).build()).build();
  }

  /** {@code {"@":{}}}. */
  static Node edge() {
    return Node.map().put("@", Node.map().build()).build();
  }

  /** {@code {".":{}}}. */
  static Node match() {
    return Node.map().put(".", Node.map().build()).build();
  }

  /** {@code {"i":{"i":index,">":next}}}. */
  static Node index(int index, Node next) {
    return Node.map().put("i", Node.map().put("i", Node.of(index)).put(">", next).build()).build();
  }

  /**
   * A chain of single-field explores: {@code path("Links", "0", "Hash")} then {@code next}, i.e.
   * {@code {"f":{"f>":{"Links":{"f":{"f>":{"0":…}}}}}}}.
   */
  static Node path(Node next, String... segments) {
    Node selector = next;
    for (int i = segments.length - 1; i >= 0; i--) {
      Node field = Node.map().put(segments[i], selector).build();
      selector = Node.map().put("f", Node.map().put("f>", field).build()).build();
    }
    return selector;
  }
}
