package io.dt4j.ipld.dagpb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.ipld.MalformedIpldException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Each strictness rule of go-codec-dagpb, plus ours (minimal varints, UTF-8 names). */
class DagPbDecodeTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final String HASH =
      "0a22" + "1220" + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  /** A link with only a Hash: {@code 12 24 <HASH>} (38 bytes). */
  private static final String LINK = "1224" + HASH;

  private static void assertRejected(String hex, String problem, int offset) {
    assertThatThrownBy(() -> DagPb.decode(HEX.parseHex(hex)))
        .isInstanceOf(MalformedIpldException.class)
        .hasMessageContaining(problem)
        .hasMessageContaining("byte offset " + offset);
  }

  @Test
  void acceptsLinksThenData() {
    PbNode node = DagPb.decode(HEX.parseHex(LINK + LINK + "0a0101"));
    assertThat(node.links()).hasSize(2);
    assertThat(node.data()).get().isEqualTo(new byte[] {1});
  }

  @Test
  void rejectsLinksAfterData() {
    assertRejected("0a0101" + LINK, "Links after Data", 3);
  }

  @Test
  void rejectsDuplicateData() {
    assertRejected("0a0101" + "0a0102", "duplicate PBNode Data", 3);
  }

  @Test
  void rejectsUnknownNodeField() {
    assertRejected(LINK + "1a00", "unknown PBNode field 3", 38);
  }

  @Test
  void rejectsWrongNodeWireType() {
    assertRejected("0801", "wire type 0", 0);
  }

  @Test
  void rejectsFieldNumberZero() {
    assertRejected("0200", "invalid field number 0", 0);
  }

  @Test
  void rejectsDataLongerThanTheInput() {
    assertRejected("0a0501", "runs past the end", 1);
  }

  @Test
  void rejectsLinkLongerThanTheInput() {
    assertRejected("1230" + HASH, "runs past the end", 1);
  }

  @Test
  void rejectsTruncatedVarint() {
    assertRejected("0a", "truncated varint", 1);
  }

  @Test
  void rejectsNonMinimalVarint() {
    assertRejected("0a8100", "not minimally encoded", 1);
  }

  @Test
  void rejectsLinkWithoutHash() {
    assertRejected("1204" + "1200" + "1800", "has no Hash", 2);
  }

  @Test
  void rejectsLinkFieldsOutOfOrder() {
    assertRejected("1228" + "1200" + HASH + "1800", "out of order", 4);
  }

  @Test
  void rejectsDuplicateLinkField() {
    assertRejected("1228" + HASH + "1800" + "1800", "duplicate PBLink field 3", 40);
  }

  @Test
  void rejectsUnknownLinkField() {
    assertRejected("1226" + HASH + "2000", "unknown PBLink field 4", 38);
  }

  @Test
  void rejectsWrongLinkWireTypes() {
    assertRejected("1226" + HASH + "1a00", "PBLink field 3 has wire type 2", 38);
    assertRejected("1226" + HASH + "1000", "PBLink field 2 has wire type 0", 38);
    assertRejected("1202" + "0800", "PBLink field 1 has wire type 0", 2);
  }

  @Test
  void rejectsHashThatIsNotACid() {
    assertRejected("1204" + "0a02" + "1220", "is not a CID", 2);
  }

  @Test
  void rejectsNameThatIsNotUtf8() {
    assertRejected("1227" + HASH + "1201ff", "not valid UTF-8", 39); // the length prefix
  }

  @Test
  void rejectsLinkFieldRunningPastTheLinkEnd() {
    // The link claims 38 bytes but its Name says 2 bytes where only 1 remains in the link.
    assertRejected("1227" + HASH + "1202" + "61" + "62", "runs past the end", 39);
  }
}
