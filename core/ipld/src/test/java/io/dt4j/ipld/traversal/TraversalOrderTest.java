package io.dt4j.ipld.traversal;

import static io.dt4j.ipld.traversal.TestDag.allEdge;
import static io.dt4j.ipld.traversal.TestDag.depth;
import static io.dt4j.ipld.traversal.TestDag.fields;
import static io.dt4j.ipld.traversal.TestDag.map;
import static io.dt4j.ipld.traversal.TestDag.match;
import static io.dt4j.ipld.traversal.TestDag.recursive;
import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Node;
import io.dt4j.ipld.Selectors;
import io.dt4j.ipld.selector.SelectorParser;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Block and node order on hand-built DAG-CBOR DAGs, as go-ipld-prime walks them. */
class TraversalOrderTest {
  private final TestDag dag = new TestDag();

  /** root {z: A, m: mid{x: C, y: 1}, b: B}, keys deliberately not sorted. */
  private Cid mapsWithLinksInSeveralFields() {
    Cid mid =
        dag.cbor("mid", Node.map().put("x", Node.link(dag.raw("C"))).put("y", Node.of(1)).build());
    return dag.cbor(
        "root",
        Node.map()
            .put("z", Node.link(dag.raw("A")))
            .put("m", Node.link(mid))
            .put("b", Node.link(dag.raw("B")))
            .build());
  }

  @Test
  void exploreAllFollowsMapEntriesInBlockOrderDepthFirst() throws IOException {
    Cid root = mapsWithLinksInSeveralFields();
    assertThat(dag.blocks(root, Selectors.EXPLORE_ALL))
        .containsExactly("root@", "A@z", "mid@m", "C@m/x", "B@b");
  }

  @Test
  void visitorSeesEachBlockThenItsNodesPreOrder() throws IOException {
    Cid root = mapsWithLinksInSeveralFields();
    TestDag.Recorder recorder = dag.new Recorder();
    assertThat(recorder.run(root, SelectorParser.parse(Selectors.EXPLORE_ALL)))
        .containsExactly(
            "block root@",
            "node ",
            "block A@z",
            "node z",
            "block mid@m",
            "node m",
            "block C@m/x",
            "node m/x",
            "node m/y",
            "block B@b",
            "node b");
  }

  @Test
  void matchAllRecursivelyMatchesEveryNode() throws IOException {
    Cid root = mapsWithLinksInSeveralFields();
    Node matchAll =
        recursive(map("none", Node.map().build()), map("|", Node.list(match(), allEdge())));
    TestDag.Recorder recorder = dag.new Recorder();
    assertThat(recorder.run(root, SelectorParser.parse(matchAll)))
        .filteredOn(line -> line.startsWith("node"))
        .containsExactly(
            "node  match",
            "node z match",
            "node m match",
            "node m/x match",
            "node m/y match",
            "node b match");
  }

  @Test
  void listsOfLinksGoInIndexOrderAndARepeatedCidIsLoadedAgain() throws IOException {
    Cid a = dag.raw("A");
    Cid inner = dag.cbor("inner", Node.list(Node.link(dag.raw("C")), Node.link(a)));
    Cid root = dag.cbor("root", Node.list(Node.link(a), Node.link(dag.raw("B")), Node.link(inner)));
    assertThat(dag.blocks(root, Selectors.EXPLORE_ALL))
        .containsExactly("root@", "A@0", "B@1", "inner@2", "C@2/0", "A@2/1");
  }

  /** A chain root -> n1 -> n2 -> n3 -> n4 through a "next" field. */
  private Cid chain() {
    Cid next = dag.cbor("n4", Node.map().put("v", Node.of(4)).build());
    for (int i = 3; i >= 1; i--) {
      next = dag.cbor("n" + i, Node.map().put("next", Node.link(next)).build());
    }
    return dag.cbor("root", Node.map().put("next", Node.link(next)).build());
  }

  @ParameterizedTest(name = "depth {0} loads {1}")
  @CsvSource({
    "0, root@",
    "1, root@",
    "2, root@ next",
    "3, root@ next next/next",
    "100, root@ next next/next next/next/next next/next/next/next"
  })
  void recursionDepthBoundsTheExploreStepsFromTheRoot(long depth, String expected)
      throws IOException {
    String[] parts = expected.split(" ");
    java.util.List<String> want = new java.util.ArrayList<>();
    want.add(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      want.add("n" + i + "@" + parts[i]);
    }
    assertThat(dag.blocks(chain(), recursive(depth(depth), allEdge()))).isEqualTo(want);
  }

  @Test
  void nestedRecursionRestartsTheInnerSequenceUnderTheOuterOne() throws IOException {
    // Outer: follow "next" twice at most; at each step, inner: explore all of "sub" once.
    Cid leaf = dag.raw("L");
    Cid sub2 = dag.cbor("sub2", Node.list(Node.link(leaf), Node.of(2)));
    Cid second = dag.cbor("second", Node.map().put("sub", Node.link(sub2)).build());
    Cid sub1 = dag.cbor("sub1", Node.list(Node.link(leaf)));
    Cid first =
        dag.cbor(
            "first", Node.map().put("sub", Node.link(sub1)).put("next", Node.link(second)).build());
    Node inner = recursive(depth(2), allEdge());
    Node outer = recursive(depth(2), fields("sub", inner, "next", map("@", Node.map().build())));
    assertThat(dag.blocks(first, outer))
        .containsExactly(
            "first@", "sub1@sub", "L@sub/0", "second@next", "sub2@next/sub", "L@next/sub/0");
  }

  @Test
  void exploreFieldsVisitsOnlyItsFieldsInTheSelectorsOrder() throws IOException {
    Cid root =
        dag.cbor(
            "root",
            Node.map()
                .put("a", Node.link(dag.raw("A")))
                .put("b", Node.link(dag.raw("B")))
                .put("c", Node.link(dag.raw("C")))
                .build());
    TestDag.Recorder recorder = dag.new Recorder();
    recorder.run(root, SelectorParser.parse(fields("c", match(), "zz", match(), "a", match())));
    assertThat(recorder.lines)
        .containsExactly(
            "block root@", "node ", "block C@c", "node c match", "block A@a", "node a match");
  }

  @Test
  void exploreIndexAndRangePickListElementsInIndexOrder() throws IOException {
    Cid root =
        dag.cbor(
            "root",
            Node.list(
                Node.link(dag.raw("A")),
                Node.link(dag.raw("B")),
                Node.link(dag.raw("C")),
                Node.link(dag.raw("D"))));
    Node index = map("i", Node.map().put("i", Node.of(2)).put(">", match()).build());
    assertThat(dag.blocks(root, index)).containsExactly("root@", "C@2");
    Node range =
        map("r", Node.map().put("^", Node.of(1)).put("$", Node.of(3)).put(">", match()).build());
    assertThat(dag.blocks(root, range)).containsExactly("root@", "B@1", "C@2");
    Node pastTheEnd =
        map("r", Node.map().put("^", Node.of(2)).put("$", Node.of(10)).put(">", match()).build());
    assertThat(dag.blocks(root, pastTheEnd)).containsExactly("root@", "C@2", "D@3");
    Node onAMap = fields("x", index);
    assertThat(dag.blocks(dag.cbor("m", map("x", Node.link(root))), onAMap))
        .containsExactly("m@", "root@x", "C@x/2");
  }

  @Test
  void unionVisitsInMemberOrderAndTwiceWhenTwoMembersNameTheSameField() throws IOException {
    Cid root =
        dag.cbor(
            "root",
            Node.map().put("a", Node.link(dag.raw("A"))).put("b", Node.link(dag.raw("B"))).build());
    assertThat(dag.blocks(root, map("|", Node.list(fields("b", match()), fields("a", match())))))
        .containsExactly("root@", "B@b", "A@a");
    assertThat(dag.blocks(root, map("|", Node.list(fields("a", match()), fields("a", match())))))
        .containsExactly("root@", "A@a", "A@a");
    assertThat(
            dag.blocks(
                root, map("|", Node.list(fields("b", match()), map("a", map(">", match()))))))
        .containsExactly("root@", "A@a", "B@b");
  }

  @Test
  void matchPointLoadsOnlyTheRoot() throws IOException {
    assertThat(dag.blocks(mapsWithLinksInSeveralFields(), Selectors.MATCH_SELF))
        .containsExactly("root@");
  }
}
