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
import io.dt4j.ipld.dagpb.DagPb;
import io.dt4j.ipld.dagpb.PbLink;
import io.dt4j.ipld.dagpb.PbNode;
import io.dt4j.ipld.selector.SelectorParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Traversal of a UnixFS-like dag-pb tree, as graphsync serves files (spec §6.4). */
class DagPbTraversalTest {
  private final TestDag dag = new TestDag();

  /** A dag-pb node (CIDv0, as go-unixfs makes) linking the given children, with some data. */
  private Cid pb(String name, Cid... children) {
    List<PbLink> links = new ArrayList<>();
    for (int i = 0; i < children.length; i++) {
      links.add(PbLink.of(children[i], "", 100 + i));
    }
    byte[] data = ("unixfs " + name).getBytes(StandardCharsets.UTF_8);
    return dag.put(name, DagPb.block(PbNode.of(links, data), 0));
  }

  /** root -> [I1 -> [L1, L2], I2 -> [L3, P4 (dag-pb leaf)], L5]; L* raw leaves. */
  private Cid file() {
    Cid i1 = pb("I1", dag.raw("L1"), dag.raw("L2"));
    Cid i2 = pb("I2", dag.raw("L3"), pb("P4"));
    return pb("root", i1, i2, dag.raw("L5"));
  }

  @Test
  void exploreAllVisitsBlocksDepthFirstPreOrderInLinkOrder() throws IOException {
    assertThat(dag.blocks(file(), Selectors.EXPLORE_ALL))
        .containsExactly(
            "root@",
            "I1@Links/0/Hash",
            "L1@Links/0/Hash/Links/0/Hash",
            "L2@Links/0/Hash/Links/1/Hash",
            "I2@Links/1/Hash",
            "L3@Links/1/Hash/Links/0/Hash",
            "P4@Links/1/Hash/Links/1/Hash",
            "L5@Links/2/Hash");
  }

  @Test
  void selectorsSeeTheGoCodecDagpbShapeLinksFirstThenData() throws IOException {
    TestDag.Recorder recorder = dag.new Recorder();
    Cid leaf = pb("P4");
    recorder.run(pb("solo", leaf), SelectorParser.parse(Selectors.EXPLORE_ALL));
    assertThat(recorder.lines)
        .containsExactly(
            "block solo@",
            "node ",
            "node Links",
            "node Links/0",
            "block P4@Links/0/Hash",
            "node Links/0/Hash",
            "node Links/0/Hash/Links",
            "node Links/0/Hash/Data",
            "node Links/0/Name",
            "node Links/0/Tsize",
            "node Data");
  }

  @Test
  void eachDagPbHopTakesThreeRecursionLevels() throws IOException {
    // §6.4: R(depth=d, a(@)) reaches floor((d-1)/3) dag-pb hops below the root.
    assertThat(dag.blocks(file(), recursive(depth(3), allEdge()))).containsExactly("root@");
    assertThat(dag.blocks(file(), recursive(depth(4), allEdge())))
        .containsExactly("root@", "I1@Links/0/Hash", "I2@Links/1/Hash", "L5@Links/2/Hash");
    assertThat(dag.blocks(file(), recursive(depth(7), allEdge())))
        .isEqualTo(dag.blocks(file(), Selectors.EXPLORE_ALL));
  }

  @Test
  void secondChildBlockIsSelectedByStructuralPath() throws IOException {
    Node secondChild =
        fields(
            "Links",
            map("i", Node.map().put("i", Node.of(1)).put(">", fields("Hash", match())).build()));
    TestDag.Recorder recorder = dag.new Recorder();
    recorder.run(file(), SelectorParser.parse(secondChild));
    assertThat(recorder.lines)
        .containsExactly(
            "block root@",
            "node ",
            "node Links",
            "node Links/1",
            "block I2@Links/1/Hash",
            "node Links/1/Hash match");
  }

  @Test
  void dagPbDecodingMatchesTheCodecsDataModelForm() {
    Cid leaf = pb("P4");
    byte[] bytes = dag.store.get(leaf).orElseThrow();
    assertThat(NodeDecoder.standard().decode(leaf, bytes))
        .isEqualTo(DagPb.toNode(DagPb.decode(bytes)));
  }
}
