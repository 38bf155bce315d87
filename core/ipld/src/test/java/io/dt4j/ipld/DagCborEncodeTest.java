package io.dt4j.ipld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DagCborEncodeTest {
  private static final HexFormat HEX = HexFormat.of();

  private static String hex(Node node) {
    return HEX.formatHex(DagCbor.encode(node));
  }

  @Test
  void exploreAllSelectorEncodesToGoBytesAndBack() {
    String expected = "a16152a2616ca1646e6f6e65a0623a3ea16161a1613ea16140a0";
    assertThat(hex(Selectors.EXPLORE_ALL)).isEqualTo(expected);
    Node decoded = DagCbor.decode(HEX.parseHex(expected));
    assertThat(decoded).isEqualTo(Selectors.EXPLORE_ALL);
    assertThat(hex(decoded)).isEqualTo(expected);
  }

  @Test
  void matchSelfSelectorEncodes() {
    assertThat(hex(Selectors.MATCH_SELF)).isEqualTo("a1612ea0");
    assertThat(DagCbor.decode(HEX.parseHex("a1612ea0"))).isEqualTo(Selectors.MATCH_SELF);
  }

  @Test
  void encodeKeepsInsertionOrderWhileCanonicalSortsLengthFirst() {
    Node.MapNode map =
        Node.map().put("bb", Node.of(1)).put("a", Node.of(2)).put("ab", Node.of(3)).build();
    assertThat(hex(map)).isEqualTo("a3" + "626262" + "01" + "6161" + "02" + "626162" + "03");
    assertThat(HEX.formatHex(DagCbor.encodeCanonical(map)))
        .isEqualTo("a3" + "6161" + "02" + "626162" + "03" + "626262" + "01");
  }

  @Test
  void canonicalOrderAppliesToNestedMapsAndUsesUtf8Bytes() {
    Node.MapNode inner = Node.map().put("é", Node.NULL).put("z", Node.NULL).build();
    Node.MapNode outer = Node.map().put("list", Node.list(inner)).build();
    // "z" is one UTF-8 byte, "é" two: length first puts "z" first.
    assertThat(HEX.formatHex(DagCbor.encodeCanonical(outer)))
        .isEqualTo("a1646c69737481a2617af662c3a9f6");
  }

  @Test
  void integersUseShortestForm() {
    assertThat(hex(Node.of(0))).isEqualTo("00");
    assertThat(hex(Node.of(23))).isEqualTo("17");
    assertThat(hex(Node.of(24))).isEqualTo("1818");
    assertThat(hex(Node.of(255))).isEqualTo("18ff");
    assertThat(hex(Node.of(256))).isEqualTo("190100");
    assertThat(hex(Node.of(65536))).isEqualTo("1a00010000");
    assertThat(hex(Node.of(4294967296L))).isEqualTo("1b0000000100000000");
    assertThat(hex(Node.of(Long.MAX_VALUE))).isEqualTo("1b7fffffffffffffff");
    assertThat(hex(Node.of(-1))).isEqualTo("20");
    assertThat(hex(Node.of(-25))).isEqualTo("3818");
    assertThat(hex(Node.of(Long.MIN_VALUE))).isEqualTo("3b7fffffffffffffff");
  }

  @Test
  void scalarsAndContainers() {
    assertThat(hex(Node.NULL)).isEqualTo("f6");
    assertThat(hex(Node.of(false))).isEqualTo("f4");
    assertThat(hex(Node.of(true))).isEqualTo("f5");
    assertThat(hex(new Node.Float(1.5))).isEqualTo("fb3ff8000000000000");
    assertThat(hex(Node.of("IETF"))).isEqualTo("6449455446");
    assertThat(hex(Node.of(new byte[] {1, 2}))).isEqualTo("420102");
    assertThat(hex(Node.list(Node.of(1), Node.list()))).isEqualTo("820180");
    assertThat(hex(Node.of("x".repeat(24)))).startsWith("7818");
  }

  @Test
  void linksAreTag42AroundZeroPrefixedBinaryCid() {
    Cid cid = Cid.v1(Multicodec.RAW, Multihash.sha256(new byte[0]));
    String expected = "d82a5825" + "00" + HEX.formatHex(cid.toBytes());
    assertThat(hex(Node.link(cid))).isEqualTo(expected);
    assertThat(DagCbor.decode(HEX.parseHex(expected))).isEqualTo(Node.link(cid));
    Cid v0 = Cid.v0(Multihash.sha256(new byte[0]));
    assertThat(hex(Node.link(v0))).startsWith("d82a58230012");
  }

  @Test
  void everyKindRoundTrips() {
    Node node =
        Node.map()
            .put("null", Node.NULL)
            .put("int", Node.of(-1234567890123L))
            .put("float", new Node.Float(-0.1))
            .put("str", Node.of("héllo ✓"))
            .put("bytes", Node.of(new byte[300]))
            .put("list", Node.list(Node.of(true), Node.of(false)))
            .put("link", Node.link(Cid.v0(Multihash.sha256(new byte[] {1}))))
            .build();
    assertThat(DagCbor.decode(DagCbor.encode(node))).isEqualTo(node);
    assertThat(DagCbor.decode(DagCbor.encodeCanonical(node))).isEqualTo(node);
  }

  @Test
  void encodeRejectsStringsWithLoneSurrogates() {
    assertThatThrownBy(() -> DagCbor.encode(Node.of("a\ud800")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("surrogate");
    assertThatThrownBy(() -> DagCbor.encode(Node.map().put("\udc00", Node.NULL).build()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void encodeRejectsNanAndInfinity() {
    assertThatThrownBy(() -> DagCbor.encode(new Node.Float(Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DagCbor.encode(new Node.Float(Double.POSITIVE_INFINITY)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
