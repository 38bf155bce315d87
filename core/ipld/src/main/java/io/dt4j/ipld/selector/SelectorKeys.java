package io.dt4j.ipld.selector;

import io.dt4j.ipld.Node;

/** The exact map keys of the selector wire form (graphsync spec §6.2, go-ipld-prime fieldKeys). */
final class SelectorKeys {
  static final String MATCHER = ".";
  static final String EXPLORE_ALL = "a";
  static final String EXPLORE_FIELDS = "f";
  static final String EXPLORE_INDEX = "i";
  static final String EXPLORE_RANGE = "r";
  static final String EXPLORE_RECURSIVE = "R";
  static final String EXPLORE_UNION = "|";
  static final String EXPLORE_CONDITIONAL = "&";
  static final String EXPLORE_RECURSIVE_EDGE = "@";
  static final String NEXT = ">";
  static final String FIELDS = "f>";
  static final String INDEX = "i";
  static final String START = "^";
  static final String END = "$";
  static final String SEQUENCE = ":>";
  static final String LIMIT = "l";
  static final String LIMIT_DEPTH = "depth";
  static final String LIMIT_NONE = "none";
  static final String STOP_AT = "!";
  static final String CONDITION_LINK = "/";
  static final String LABEL = "label";
  static final String SUBSET = "subset";
  static final String FROM = "[";
  static final String TO = "]";

  private SelectorKeys() {}

  /** Returns the keyed-union form {@code {key: body}}. */
  static Node.MapNode union(String key, Node body) {
    return Node.map().put(key, body).build();
  }

  /** Returns an empty map, the body of {@code "."}, {@code "@"} and {@code "none"}. */
  static Node.MapNode empty() {
    return Node.map().build();
  }
}
