package io.dt4j.ipld.selector;

import io.dt4j.ipld.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compiles a selector node (graphsync spec §6.2) into a {@link Selector}. Stricter than Go where Go
 * would accept nonsense: unknown keys in a body, negative depths or indexes, an empty range or one
 * wider than {@link ExploreRange#MAX_WIDTH}, and an {@link ExploreRecursive} whose sequence is an
 * edge (Go panics on those) are rejected. {@code "&"} (ExploreConditional) is rejected as by Go.
 * The Matcher's {@code label} and {@code subset} are accepted; {@code onlyIf} is not.
 *
 * <p>Not thread-safe per instance; {@link #parse(Node)} uses a fresh one per call.
 */
public final class SelectorParser {
  /** Edge counters of the enclosing {@code R}s, innermost first. */
  private final Deque<int[]> recursions = new ArrayDeque<>();

  private SelectorParser() {}

  /**
   * Compiles a selector node.
   *
   * @param node the selector, e.g. decoded from a graphsync request's DAG-CBOR
   * @return the selector
   * @throws InvalidSelectorException naming the path inside {@code node} that is wrong
   */
  public static Selector parse(Node node) {
    return new SelectorParser().selector(node, "");
  }

  private Selector selector(Node node, String path) {
    Map<String, Node> union = map(node, path, "a selector");
    if (union.size() != 1) {
      throw fail(path, "a selector is a keyed union: one entry expected, found " + union.size());
    }
    Map.Entry<String, Node> entry = union.entrySet().iterator().next();
    String at = path + "/" + entry.getKey();
    Node body = entry.getValue();
    return switch (entry.getKey()) {
      case SelectorKeys.MATCHER -> matcher(body, at);
      case SelectorKeys.EXPLORE_ALL ->
          new ExploreAll(next(body(body, at, List.of(SelectorKeys.NEXT), List.of()), at));
      case SelectorKeys.EXPLORE_FIELDS -> exploreFields(body, at);
      case SelectorKeys.EXPLORE_INDEX -> exploreIndex(body, at);
      case SelectorKeys.EXPLORE_RANGE -> exploreRange(body, at);
      case SelectorKeys.EXPLORE_UNION -> exploreUnion(body, at);
      case SelectorKeys.EXPLORE_RECURSIVE -> exploreRecursive(body, at);
      case SelectorKeys.EXPLORE_RECURSIVE_EDGE -> edge(body, at);
      case SelectorKeys.EXPLORE_CONDITIONAL ->
          throw fail(at, "ExploreConditional is not supported (Go peers reject it too)");
      default -> throw fail(at, "unknown selector kind \"" + entry.getKey() + "\"");
    };
  }

  private Selector matcher(Node node, String path) {
    Map<String, Node> body = map(node, path, "a Matcher body");
    allowOnly(body, path, Set.of(SelectorKeys.LABEL, SelectorKeys.SUBSET));
    Optional<String> label = Optional.empty();
    if (body.containsKey(SelectorKeys.LABEL)) {
      String at = path + "/" + SelectorKeys.LABEL;
      if (!(body.get(SelectorKeys.LABEL) instanceof Node.Str text)) {
        throw fail(at, "expected a string, found " + kind(body.get(SelectorKeys.LABEL)));
      }
      label = Optional.of(text.value());
    }
    Optional<Matcher.Subset> subset = Optional.empty();
    if (body.containsKey(SelectorKeys.SUBSET)) {
      String at = path + "/" + SelectorKeys.SUBSET;
      Map<String, Node> range =
          body(
              body.get(SelectorKeys.SUBSET),
              at,
              List.of(SelectorKeys.FROM, SelectorKeys.TO),
              List.of());
      long from = integer(range, at, SelectorKeys.FROM);
      long to = integer(range, at, SelectorKeys.TO);
      if (to >= 0 && from > to) {
        throw fail(at, "subset from " + from + " is after to " + to);
      }
      subset = Optional.of(new Matcher.Subset(from, to));
    }
    return new Matcher(label, subset);
  }

  private Selector exploreFields(Node node, String path) {
    Map<String, Node> body = body(node, path, List.of(SelectorKeys.FIELDS), List.of());
    String at = path + "/" + SelectorKeys.FIELDS;
    Map<String, Selector> fields = new LinkedHashMap<>();
    map(body.get(SelectorKeys.FIELDS), at, "the fields")
        .forEach((name, selector) -> fields.put(name, selector(selector, at + "/" + name)));
    return new ExploreFields(fields);
  }

  private Selector exploreIndex(Node node, String path) {
    Map<String, Node> body =
        body(node, path, List.of(SelectorKeys.INDEX, SelectorKeys.NEXT), List.of());
    long index = integer(body, path, SelectorKeys.INDEX);
    if (index < 0) {
      throw fail(path + "/" + SelectorKeys.INDEX, "index must not be negative, is " + index);
    }
    return new ExploreIndex(index, next(body, path));
  }

  private Selector exploreRange(Node node, String path) {
    Map<String, Node> body =
        body(
            node,
            path,
            List.of(SelectorKeys.START, SelectorKeys.END, SelectorKeys.NEXT),
            List.of());
    long start = integer(body, path, SelectorKeys.START);
    long end = integer(body, path, SelectorKeys.END);
    if (start < 0) {
      throw fail(path + "/" + SelectorKeys.START, "start must not be negative, is " + start);
    }
    if (end <= start) {
      throw fail(path + "/" + SelectorKeys.END, "end " + end + " must be after start " + start);
    }
    if (end - start > ExploreRange.MAX_WIDTH) {
      throw fail(path, "range wider than " + ExploreRange.MAX_WIDTH + " elements");
    }
    return new ExploreRange(start, end, next(body, path));
  }

  private Selector exploreUnion(Node node, String path) {
    if (!(node instanceof Node.ListNode list)) {
      throw fail(path, "an ExploreUnion body must be a list, found " + kind(node));
    }
    List<Selector> members = new ArrayList<>(list.items().size());
    for (int i = 0; i < list.items().size(); i++) {
      members.add(selector(list.items().get(i), path + "/" + i));
    }
    return new ExploreUnion(members);
  }

  private Selector exploreRecursive(Node node, String path) {
    Map<String, Node> body =
        body(
            node,
            path,
            List.of(SelectorKeys.LIMIT, SelectorKeys.SEQUENCE),
            List.of(SelectorKeys.STOP_AT));
    RecursionLimit limit = limit(body.get(SelectorKeys.LIMIT), path + "/" + SelectorKeys.LIMIT);
    String at = path + "/" + SelectorKeys.SEQUENCE;
    int[] edges = {0};
    recursions.push(edges);
    Selector sequence;
    try {
      sequence = selector(body.get(SelectorKeys.SEQUENCE), at);
    } finally {
      recursions.pop();
    }
    if (edges[0] == 0) {
      throw fail(at, "an ExploreRecursive sequence needs at least one ExploreRecursiveEdge");
    }
    if (ExploreRecursive.hasEdge(sequence)) {
      throw fail(at, "the sequence must explore before reaching its ExploreRecursiveEdge");
    }
    Optional<Condition> stopAt = Optional.empty();
    if (body.containsKey(SelectorKeys.STOP_AT)) {
      stopAt = Optional.of(condition(body.get(SelectorKeys.STOP_AT), path + "/!"));
    }
    return new ExploreRecursive(limit, sequence, stopAt);
  }

  private Selector edge(Node node, String path) {
    body(node, path, List.of(), List.of());
    if (recursions.isEmpty()) {
      throw fail(path, "ExploreRecursiveEdge outside an ExploreRecursive");
    }
    recursions.peek()[0]++;
    return new ExploreRecursiveEdge();
  }

  private RecursionLimit limit(Node node, String path) {
    Map<String, Node> union = map(node, path, "a recursion limit");
    if (union.size() != 1) {
      throw fail(
          path, "a recursion limit is a keyed union: one entry expected, found " + union.size());
    }
    if (union.containsKey(SelectorKeys.LIMIT_NONE)) {
      body(
          union.get(SelectorKeys.LIMIT_NONE),
          path + "/" + SelectorKeys.LIMIT_NONE,
          List.of(),
          List.of());
      return RecursionLimit.NONE;
    }
    if (union.containsKey(SelectorKeys.LIMIT_DEPTH)) {
      long depth = integer(union, path, SelectorKeys.LIMIT_DEPTH);
      if (depth < 0) {
        throw fail(
            path + "/" + SelectorKeys.LIMIT_DEPTH, "depth must not be negative, is " + depth);
      }
      return new RecursionLimit.Depth(depth);
    }
    throw fail(path, "unknown recursion limit \"" + union.keySet().iterator().next() + "\"");
  }

  private Condition condition(Node node, String path) {
    Map<String, Node> union = map(node, path, "a condition");
    if (union.size() != 1 || !union.containsKey(SelectorKeys.CONDITION_LINK)) {
      throw fail(
          path, "the only condition supported is {\"/\": CID}, found keys " + union.keySet());
    }
    if (!(union.get(SelectorKeys.CONDITION_LINK) instanceof Node.Link link)) {
      throw fail(
          path + "/" + SelectorKeys.CONDITION_LINK,
          "expected a link, found " + kind(union.get(SelectorKeys.CONDITION_LINK)));
    }
    return new Condition.IsLink(link.cid());
  }

  /** The {@code ">"} selector of a body that {@link #body} checked to hold it. */
  private Selector next(Map<String, Node> body, String path) {
    return selector(body.get(SelectorKeys.NEXT), path + "/" + SelectorKeys.NEXT);
  }

  /**
   * Checks a body map: every {@code required} key present, nothing beyond them and {@code
   * optional}.
   */
  private static Map<String, Node> body(
      Node node, String path, List<String> required, List<String> optional) {
    Map<String, Node> body = map(node, path, "a selector body");
    for (String key : required) {
      if (!body.containsKey(key)) {
        throw fail(path, "missing \"" + key + "\"");
      }
    }
    Set<String> allowed = new HashSet<>(required);
    allowed.addAll(optional);
    allowOnly(body, path, allowed);
    return body;
  }

  private static void allowOnly(Map<String, Node> body, String path, Set<String> allowed) {
    for (String key : body.keySet()) {
      if (!allowed.contains(key)) {
        throw fail(path, "unknown key \"" + key + "\"");
      }
    }
  }

  private static Map<String, Node> map(Node node, String path, String what) {
    if (!(node instanceof Node.MapNode map)) {
      throw fail(path, what + " must be a map, found " + kind(node));
    }
    return map.entries();
  }

  private static long integer(Map<String, Node> body, String path, String key) {
    Node value = body.get(key);
    if (!(value instanceof Node.Int number)) {
      throw fail(path + "/" + key, "expected an integer, found " + kind(value));
    }
    return number.value();
  }

  private static String kind(Node node) {
    return node == null ? "nothing" : node.kind().name().toLowerCase(Locale.ROOT);
  }

  private static InvalidSelectorException fail(String path, String reason) {
    return new InvalidSelectorException(path.isEmpty() ? "/" : path, reason);
  }
}
