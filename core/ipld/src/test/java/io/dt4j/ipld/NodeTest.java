package io.dt4j.ipld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeTest {
  @Test
  void factoriesProduceTheMatchingKinds() {
    Cid cid = Cid.v1(Multicodec.RAW, Multihash.sha256(new byte[0]));
    assertThat(Node.NULL.kind()).isEqualTo(Node.Kind.NULL);
    assertThat(Node.of(true).kind()).isEqualTo(Node.Kind.BOOL);
    assertThat(Node.of(7).kind()).isEqualTo(Node.Kind.INT);
    assertThat(new Node.Float(1.5).kind()).isEqualTo(Node.Kind.FLOAT);
    assertThat(Node.of("x").kind()).isEqualTo(Node.Kind.STRING);
    assertThat(Node.of(new byte[] {1}).kind()).isEqualTo(Node.Kind.BYTES);
    assertThat(Node.list().kind()).isEqualTo(Node.Kind.LIST);
    assertThat(Node.map().build().kind()).isEqualTo(Node.Kind.MAP);
    assertThat(Node.link(cid).kind()).isEqualTo(Node.Kind.LINK);
    assertThat(Node.link(cid).cid()).isEqualTo(cid);
  }

  @Test
  void bytesAreCopiedAndComparedByContent() {
    byte[] data = {1, 2, 3};
    Node.Bytes node = Node.of(data);
    data[0] = 9;
    node.value()[1] = 9;
    assertThat(node.value()).containsExactly(1, 2, 3);
    assertThat(node).isEqualTo(Node.of(new byte[] {1, 2, 3}));
    assertThat(node.hashCode()).isEqualTo(Node.of(new byte[] {1, 2, 3}).hashCode());
    assertThat(node).hasToString("Bytes[1, 2, 3]");
  }

  @Test
  void listIsAnImmutableCopy() {
    List<Node> items = new ArrayList<>(List.of(Node.of(1)));
    Node.ListNode list = new Node.ListNode(items);
    items.add(Node.of(2));
    assertThat(list.items()).containsExactly(Node.of(1));
    assertThatThrownBy(() -> list.items().add(Node.NULL))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void mapKeepsInsertionOrderAndIsAnImmutableCopy() {
    Node.MapNode map =
        Node.map().put("zz", Node.of(1)).put("a", Node.of(2)).put("m", Node.NULL).build();
    assertThat(map.entries().keySet()).containsExactly("zz", "a", "m");
    Map<String, Node> source = new LinkedHashMap<>();
    source.put("b", Node.of(1));
    source.put("a", Node.of(2));
    Node.MapNode copy = new Node.MapNode(source);
    source.put("c", Node.of(3));
    assertThat(copy.entries().keySet()).containsExactly("b", "a");
    assertThatThrownBy(() -> copy.entries().put("x", Node.NULL))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void mapBuilderRejectsDuplicateKeys() {
    Node.MapBuilder builder = Node.map().put("a", Node.NULL);
    assertThatThrownBy(() -> builder.put("a", Node.of(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a");
  }

  @Test
  void valuesAreEqualByContent() {
    assertThat(Node.list(Node.of("a"), Node.of(1L)))
        .isEqualTo(Node.list(Node.of("a"), Node.of(1L)));
    assertThat(new Node.Null()).isEqualTo(Node.NULL);
    assertThat(Node.of(1)).isNotEqualTo(new Node.Float(1));
  }
}
