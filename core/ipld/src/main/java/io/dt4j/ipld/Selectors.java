package io.dt4j.ipld;

/**
 * Well-known IPLD selectors as data-model nodes (graphsync spec §6.5, data-transfer spec §2.8).
 * Their map entries are in the order Go writes them, so {@link DagCbor#encode(Node)} reproduces
 * Go's bytes.
 */
public final class Selectors {
  /**
   * Explore everything recursively without a depth limit: {@code
   * {"R":{"l":{"none":{}},":>":{"a":{">":{"@":{}}}}}}}, DAG-CBOR {@code
   * a16152a2616ca1646e6f6e65a0623a3ea16161a1613ea16140a0}.
   */
  public static final Node.MapNode EXPLORE_ALL =
      Node.map()
          .put(
              "R",
              Node.map()
                  .put("l", Node.map().put("none", Node.map().build()).build())
                  .put(
                      ":>",
                      Node.map()
                          .put(
                              "a",
                              Node.map()
                                  .put(">", Node.map().put("@", Node.map().build()).build())
                                  .build())
                          .build())
                  .build())
          .build();

  /** Match the node itself: {@code {".":{}}}, DAG-CBOR {@code a1612ea0}. */
  public static final Node.MapNode MATCH_SELF = Node.map().put(".", Node.map().build()).build();

  private Selectors() {}
}
