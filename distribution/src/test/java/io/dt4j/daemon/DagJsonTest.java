package io.dt4j.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.Node;
import io.dt4j.ipld.Selectors;
import org.junit.jupiter.api.Test;

class DagJsonTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CID = "bafyreigh2akiscaildcqabsyg3dfr6chu3fgpregiymsck7e7aqa4s52zy";

  @Test
  void linksBytesIntegersFloatsAndNestingRoundTrip() throws Exception {
    JsonNode json =
        JSON.readTree(
            "{\"Proposal\":{\"/\":\""
                + CID
                + "\"},\"Data\":{\"/\":{\"bytes\":\"AQID\"}},"
                + "\"N\":-3,\"F\":1.5,\"L\":[true,null,\"s\"]}");

    Node node = DagJson.toNode(json);

    Node.MapNode map = (Node.MapNode) node;
    assertThat(map.entries().get("Proposal")).isEqualTo(Node.link(Cid.parse(CID)));
    assertThat(map.entries().get("Data")).isEqualTo(Node.of(new byte[] {1, 2, 3}));
    assertThat(map.entries().get("N")).isEqualTo(Node.of(-3));
    assertThat(DagJson.toJson(node).toString()).isEqualTo(json.toString());
  }

  @Test
  void exampleVoucherTupleBecomesItsCborArray() throws Exception {
    Node node = DagJson.toNode(JSON.readTree("[\"deal-1\", 1048576]"));

    assertThat(DagCbor.decode(DagCbor.encode(node)))
        .isEqualTo(Node.list(Node.of("deal-1"), Node.of(1048576)));
  }

  @Test
  void selectorsRoundTripThroughJson() {
    assertThat(DagJson.toNode(DagJson.toJson(Selectors.EXPLORE_ALL)))
        .isEqualTo(Selectors.EXPLORE_ALL);
  }

  @Test
  void malformedLinkNamesTheText() throws Exception {
    JsonNode json = JSON.readTree("{\"/\":\"not-a-cid\"}");

    assertThatThrownBy(() -> DagJson.toNode(json))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad link {\"/\": \"not-a-cid\"}");
  }

  @Test
  void integerBeyond64BitsIsRefused() throws Exception {
    JsonNode json = JSON.readTree("18446744073709551616");

    assertThatThrownBy(() -> DagJson.toNode(json)).hasMessageContaining("64-bit");
  }
}
