package io.dt4j.ipld.dagpb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Multihash;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Golden vectors: bytes are written out from the wire table by hand; CIDs are either the sha256 of
 * those bytes (checked with {@code sha256sum}) or published values (graphsync spec §8.2/§8.3,
 * ipld-oracle EXPECTED.md).
 */
class DagPbEncodeTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  static final Cid EMPTY_V0 = Cid.parse("QmdfTbBqBPQ7VNxZEYEj14VmRuZBkqFbiwReogJgS1zR1n");

  @Test
  void emptyNodeEncodesToNoBytesAndHasTheWellKnownCids() {
    assertThat(DagPb.encode(PbNode.EMPTY)).isEmpty();
    assertThat(DagPb.block(PbNode.EMPTY, 0).cid()).isEqualTo(EMPTY_V0);
    assertThat(DagPb.block(PbNode.EMPTY, 1).cid())
        .hasToString("bafybeihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku");
    assertThat(DagPb.decode(new byte[0])).isEqualTo(PbNode.EMPTY);
  }

  @Test
  void unixFsEmptyFileNodeIsKubosEmptyFile() {
    PbNode node = PbNode.of(List.of(), HEX.parseHex("08021800"));
    assertThat(HEX.formatHex(DagPb.encode(node))).isEqualTo("0a0408021800");
    assertThat(DagPb.block(node, 0).cid())
        .hasToString("QmbFMke1KXqnYyBBWxB74N4c5SBnJMVAiMNRcGu6x1AwQH");
  }

  @Test
  void singleChunkHelloFileMatchesIpfsAdd() {
    PbNode node = PbNode.of(List.of(), HEX.parseHex("08021206" + "68656c6c6f0a" + "1806"));
    byte[] bytes = DagPb.encode(node);
    assertThat(HEX.formatHex(bytes)).isEqualTo("0a0c0802120668656c6c6f0a1806");
    assertThat(DagPb.block(node, 0).cid())
        .hasToString("QmZULkCELmmk5XNfCgTnCyFgAVxBRBXyDHGGMVoLFLiXEN");
  }

  @Test
  void linksAreWrittenBeforeDataInGivenOrderWithFieldsInOrder() {
    PbLink first = PbLink.of(EMPTY_V0, "", 0);
    PbLink second =
        new PbLink(
            Cid.v1(Multicodec.RAW, Multihash.sha256(new byte[0])),
            Optional.of("b"),
            OptionalLong.empty());
    PbNode node = PbNode.of(List.of(first, second), new byte[] {7});
    String expected =
        "1228"
            + "0a22"
            + "1220"
            + EMPTY_SHA256
            + "1200"
            + "1800"
            + "1229"
            + "0a24"
            + "01551220"
            + EMPTY_SHA256
            + "120162"
            + "0a0107";
    assertThat(HEX.formatHex(DagPb.encode(node))).isEqualTo(expected);
    assertThat(DagPb.decode(HEX.parseHex(expected))).isEqualTo(node);
  }

  @Test
  void absentNameAndSizeAreOmittedButEmptyOnesAreWritten() {
    PbLink bare = new PbLink(EMPTY_V0, Optional.empty(), OptionalLong.empty());
    assertThat(HEX.formatHex(DagPb.encode(new PbNode(List.of(bare), Optional.empty()))))
        .isEqualTo("1224" + "0a22" + "1220" + EMPTY_SHA256);
    assertThat(HEX.formatHex(DagPb.encode(PbNode.of(List.of(), new byte[0])))).isEqualTo("0a00");
  }

  @Test
  void largeTsizeIsAMultiByteVarint() {
    PbLink link = PbLink.of(EMPTY_V0, "", 300);
    assertThat(HEX.formatHex(DagPb.encode(new PbNode(List.of(link), Optional.empty()))))
        .endsWith("1200" + "18ac02");
  }

  @Test
  void roundTripsKeepPresenceOfEveryOptionalField() {
    List<PbNode> nodes =
        List.of(
            PbNode.EMPTY,
            PbNode.of(List.of(), new byte[0]),
            PbNode.of(List.of(), new byte[] {1, 2, 3}),
            new PbNode(
                List.of(
                    new PbLink(EMPTY_V0, Optional.empty(), OptionalLong.of(5)),
                    new PbLink(EMPTY_V0, Optional.of("né"), OptionalLong.empty()),
                    PbLink.of(EMPTY_V0.toV1(), "", Long.MAX_VALUE)),
                Optional.empty()));
    for (PbNode node : nodes) {
      assertThat(DagPb.decode(DagPb.encode(node))).isEqualTo(node);
    }
  }

  @Test
  void blockUsesCidV0OrV1OverTheSameBytes() {
    PbNode node = PbNode.of(List.of(), new byte[] {42});
    Block v0 = DagPb.block(node, 0);
    Block v1 = DagPb.block(node, 1);
    assertThat(v0.cid().version()).isZero();
    assertThat(v1.cid()).isEqualTo(v0.cid().toV1());
    assertThat(v1.data()).isEqualTo(v0.data()).isEqualTo(DagPb.encode(node));
    v1.verify();
    assertThatThrownBy(() -> DagPb.block(node, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void nodeCopiesItsDataAndComparesByContent() {
    byte[] data = {1, 2};
    PbNode node = PbNode.of(List.of(), data);
    data[0] = 9;
    assertThat(node.data()).get().isEqualTo(new byte[] {1, 2});
    node.data().get()[1] = 9;
    assertThat(node).isEqualTo(PbNode.of(List.of(), new byte[] {1, 2}));
    assertThat(node.hashCode()).isEqualTo(PbNode.of(List.of(), new byte[] {1, 2}).hashCode());
    assertThat(node).isNotEqualTo(PbNode.EMPTY);
    assertThat(PbNode.of(List.of(), new byte[0])).isNotEqualTo(PbNode.EMPTY);
  }

  @Test
  void negativeTsizeIsRejected() {
    assertThatThrownBy(() -> PbLink.of(EMPTY_V0, "", -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
