package io.dt4j.graphsync.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Multihash;
import io.dt4j.ipld.dagpb.DagPb;
import io.dt4j.ipld.dagpb.PbNode;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Block prefixes (graphsync spec §2.3): each example, and deriving the CID from the data. */
class BlockPrefixTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);

  private static String prefixOf(Cid cid) {
    return HEX.formatHex(BlockPrefix.of(cid).toBytes());
  }

  @Test
  void specExamples() {
    byte[] empty = DagPb.encode(new PbNode(java.util.List.of(), java.util.Optional.empty()));
    assertThat(prefixOf(DagPb.cid(empty, 0))).isEqualTo("00701220");
    assertThat(prefixOf(DagPb.cid(empty, 1))).isEqualTo("01701220");
    assertThat(prefixOf(Cid.v1(Multicodec.RAW, Multihash.sha256(HELLO)))).isEqualTo("01551220");
    assertThat(
            prefixOf(
                Cid.v1(Multicodec.DAG_CBOR, Multihash.of(Multicodec.BLAKE2B_256, new byte[32]))))
        .isEqualTo("0171a0e40220");
  }

  @Test
  void sumDerivesTheCidOfTheData() throws Exception {
    Cid raw = Cid.v1(Multicodec.RAW, Multihash.sha256(HELLO));
    assertThat(BlockPrefix.fromBytes(HEX.parseHex("01551220")).sum(HELLO)).isEqualTo(raw);
    Cid v0 = Cid.v0(Multihash.sha256(HELLO));
    assertThat(BlockPrefix.fromBytes(HEX.parseHex("00701220")).sum(HELLO)).isEqualTo(v0);
  }

  @Test
  void alteredBytesDeriveAnotherCid() throws Exception {
    Cid raw = Cid.v1(Multicodec.RAW, Multihash.sha256(HELLO));
    assertThat(BlockPrefix.of(raw).sum("jello".getBytes(StandardCharsets.US_ASCII)))
        .isNotEqualTo(raw);
  }

  @Test
  void identityDigestIsTheDataWhateverTheLengthField() throws Exception {
    byte[] hi = "hi".getBytes(StandardCharsets.US_ASCII);
    Cid identity = BlockPrefix.fromBytes(HEX.parseHex("01550000")).sum(hi);
    assertThat(identity.toString()).isEqualTo("bafkqaatine");
  }

  @Test
  void sha512IsSupported() throws Exception {
    Cid cid = BlockPrefix.fromBytes(HEX.parseHex("01551340")).sum(HELLO);
    assertThat(cid.multihash().digest()).hasSize(64);
  }

  @Test
  void rejectsWhatCannotNameABlock() {
    assertRejected("0055" + "1220", "CIDv0 block prefix must be dag-pb");
    assertRejected("0270" + "1220", "unsupported CID version");
    assertRejected("0155" + "1210", "does not fit SHA-256");
    assertRejected("0155" + "a0e40220", "unsupported hash function in block prefix: blake2b-256");
  }

  @Test
  void rejectsPrefixesThatAreNotFourVarints() {
    assertThatThrownBy(() -> BlockPrefix.fromBytes(HEX.parseHex("015512")))
        .isInstanceOf(MalformedMessageException.class);
    assertThatThrownBy(() -> BlockPrefix.fromBytes(HEX.parseHex("0155122000")))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("after its four varints");
  }

  private static void assertRejected(String prefixHex, String problem) {
    assertThatThrownBy(() -> BlockPrefix.fromBytes(HEX.parseHex(prefixHex)).sum(HELLO))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining(problem);
  }
}
