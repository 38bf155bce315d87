package io.dt4j.graphsync.responder;

import io.dt4j.ipld.Node;
import java.util.Map;

/**
 * go-graphsync's default request validation (graphsync spec §5.1 step 2): a selector passes only if
 * every {@code ExploreRecursive} in it has the limit {@code {"depth": n}} with n at most 100; an
 * unlimited recursion ({@code {"none": {}}}) needs a hook to validate it.
 */
final class SelectorDepthLimit {
  static final long MAX_DEPTH = 100;

  private SelectorDepthLimit() {}

  static boolean accepts(Node selector) {
    if (selector instanceof Node.ListNode list) {
      return list.items().stream().allMatch(SelectorDepthLimit::accepts);
    }
    if (!(selector instanceof Node.MapNode map)) {
      return true;
    }
    Node recursive = map.entries().get("R");
    if (recursive instanceof Node.MapNode body && !limitAccepted(body.entries().get("l"))) {
      return false;
    }
    return map.entries().values().stream().allMatch(SelectorDepthLimit::accepts);
  }

  private static boolean limitAccepted(Node limit) {
    if (!(limit instanceof Node.MapNode map)) {
      return false;
    }
    Map<String, Node> entries = map.entries();
    return entries.get("depth") instanceof Node.Int depth
        && depth.value() >= 0
        && depth.value() <= MAX_DEPTH;
  }
}
