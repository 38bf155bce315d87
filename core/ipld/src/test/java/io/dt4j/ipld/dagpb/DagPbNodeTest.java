package io.dt4j.ipld.dagpb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.ipld.Cid;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.Node;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The data-model form selectors see (graphsync spec §6.4, go-codec-dagpb schema). */
class DagPbNodeTest {
  private static final Cid CID = DagPbEncodeTest.EMPTY_V0;

  @Test
  void linksComeFirstAndAreAlwaysPresentDataOnlyWhenPresent() {
    Node.MapNode empty = DagPb.toNode(PbNode.EMPTY);
    assertThat(empty.entries().keySet()).containsExactly("Links");
    assertThat(empty.entries().get("Links")).isEqualTo(Node.list());

    Node.MapNode withData = DagPb.toNode(PbNode.of(List.of(), new byte[] {1}));
    assertThat(withData.entries().keySet()).containsExactly("Links", "Data");
    assertThat(withData.entries().get("Data")).isEqualTo(Node.of(new byte[] {1}));
  }

  @Test
  void linkFieldsInSchemaOrderAndOptionalOnesOnlyWhenPresent() {
    PbNode node =
        new PbNode(
            List.of(
                PbLink.of(CID, "a", 7), new PbLink(CID, Optional.empty(), OptionalLong.empty())),
            Optional.empty());
    Node.ListNode links = (Node.ListNode) DagPb.toNode(node).entries().get("Links");
    Node.MapNode full = (Node.MapNode) links.items().get(0);
    assertThat(full.entries().keySet()).containsExactly("Hash", "Name", "Tsize");
    assertThat(full.entries().get("Hash")).isEqualTo(Node.link(CID));
    assertThat(full.entries().get("Name")).isEqualTo(Node.of("a"));
    assertThat(full.entries().get("Tsize")).isEqualTo(Node.of(7));
    Node.MapNode bare = (Node.MapNode) links.items().get(1);
    assertThat(bare.entries().keySet()).containsExactly("Hash");
  }

  @Test
  void fromNodeInvertsToNode() {
    PbNode node =
        new PbNode(
            List.of(PbLink.of(CID, "", 3), new PbLink(CID, Optional.of("x"), OptionalLong.empty())),
            Optional.of(new byte[] {8, 2}));
    assertThat(DagPb.fromNode(DagPb.toNode(node))).isEqualTo(node);
    assertThat(DagPb.fromNode(DagPb.toNode(PbNode.EMPTY))).isEqualTo(PbNode.EMPTY);
  }

  @Test
  void fromNodeAcceptsAMapThatWentThroughDagCbor() {
    PbNode node = PbNode.of(List.of(PbLink.of(CID, "n", 1)), new byte[] {5});
    Node decoded = DagCbor.decode(DagCbor.encode(DagPb.toNode(node)));
    assertThat(DagPb.fromNode(decoded)).isEqualTo(node);
  }

  @Test
  void fromNodeRejectsShapesOutsideTheSchema() {
    Node link = Node.map().put("Hash", Node.link(CID)).build();
    List<Node> bad =
        List.of(
            Node.list(),
            Node.map().build(),
            Node.map().put("Links", Node.of(1)).build(),
            Node.map().put("Links", Node.list()).put("Extra", Node.NULL).build(),
            Node.map().put("Links", Node.list()).put("Data", Node.of("text")).build(),
            Node.map().put("Links", Node.list(Node.of(1))).build(),
            Node.map().put("Links", Node.list(Node.map().build())).build(),
            Node.map()
                .put("Links", Node.list(Node.map().put("Hash", Node.of("x")).build()))
                .build(),
            Node.map()
                .put(
                    "Links",
                    Node.list(
                        Node.map().put("Hash", Node.link(CID)).put("Name", Node.of(1)).build()))
                .build(),
            Node.map()
                .put(
                    "Links",
                    Node.list(
                        Node.map().put("Hash", Node.link(CID)).put("Tsize", Node.of(-1)).build()))
                .build(),
            Node.map()
                .put(
                    "Links",
                    Node.list(Node.map().put("Hash", Node.link(CID)).put("Foo", Node.NULL).build()))
                .build());
    for (Node node : bad) {
      assertThatThrownBy(() -> DagPb.fromNode(node))
          .as(node.toString())
          .isInstanceOf(MalformedIpldException.class)
          .hasMessageStartingWith("dag-pb data model:");
    }
    assertThat(DagPb.fromNode(Node.map().put("Links", Node.list(link)).build()).links())
        .containsExactly(new PbLink(CID, Optional.empty(), OptionalLong.empty()));
  }
}
