package io.dt4j.ipld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Expected strings were computed independently from sha256 of the bytes (ground truth). */
class CidTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] HELLO = "hello".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HELLO_WORLD = "hello world".getBytes(StandardCharsets.US_ASCII);

  @Test
  void rawCidOfHelloWorld() {
    Cid cid = Cid.v1(Multicodec.RAW, Multihash.sha256(HELLO_WORLD));
    assertThat(cid).hasToString("bafkreifzjut3te2nhyekklss27nh3k72ysco7y32koao5eei66wof36n5e");
    assertThat(Cid.parse(cid.toString())).isEqualTo(cid);
  }

  @Test
  void bafkreihdwdIsTheRawCidOfEmptyBytesNotOfHelloWorld() {
    Cid empty = Cid.v1(Multicodec.RAW, Multihash.sha256(new byte[0]));
    assertThat(empty).hasToString("bafkreihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku");
  }

  @Test
  void emptyDagPbBlockInBothVersions() {
    Cid v0 = Cid.v0(Multihash.sha256(new byte[0]));
    assertThat(v0).hasToString("QmdfTbBqBPQ7VNxZEYEj14VmRuZBkqFbiwReogJgS1zR1n");
    assertThat(v0.toV1())
        .hasToString("bafybeihdwdcefgh4dqkjv67uzcmw7ojee6xedzdetojuzjevtenxquvyku");
    assertThat(v0.codec()).isEqualTo(Multicodec.DAG_PB);
  }

  @Test
  void helloAsV0AndRawV1() {
    Cid v0 = Cid.parse("QmRN6wdp1S2A5EtjW9A3M1vKSBuQQGcgvuhoMUoEz4iiT5");
    assertThat(v0.version()).isZero();
    assertThat(v0.multihash()).isEqualTo(Multihash.sha256(HELLO));
    assertThat(v0.toBytes()).isEqualTo(Multihash.sha256(HELLO).toBytes());

    Cid raw = Cid.parse("bafkreibm6jg3ux5qumhcn2b3flc3tyu6dmlb4xa7u5bf44yegnrjhc4yeq");
    assertThat(raw.version()).isEqualTo(1);
    assertThat(raw.codec()).isEqualTo(Multicodec.RAW);
    assertThat(HEX.formatHex(raw.toBytes()))
        .isEqualTo("015512202cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
  }

  @Test
  void dagCborEmptyMapCid() {
    Cid cid = Cid.v1(Multicodec.DAG_CBOR, Multihash.sha256(HEX.parseHex("a0")));
    assertThat(cid).hasToString("bafyreigbtj4x7ip5legnfznufuopl4sg4knzc2cof6duas4b3q2fy6swua");
  }

  @Test
  void identityRawCidOfHi() {
    Cid cid = Cid.parse("bafkqaatine");
    assertThat(HEX.formatHex(cid.toBytes())).isEqualTo("015500026869");
    assertThat(cid.multihash().digest()).isEqualTo("hi".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void v1RendersInEveryMultibaseAndParsesBack() {
    Cid cid = Cid.v1(Multicodec.RAW, Multihash.sha256(HELLO));
    assertThat(cid.toString(Multibase.BASE58BTC))
        .isEqualTo("zb2rhZfjRh2FHHB2RkHVEvL2vJnCTcu7kwRqgVsf9gpkLgteo");
    assertThat(cid.toString(Multibase.BASE36))
        .isEqualTo("k2cwue9rqdypmt3thjky14z1tk9fi9f0o5w7b3ofitdewlcf87lismqs");
    for (Multibase base : Multibase.values()) {
      assertThat(Cid.parse(cid.toString(base))).isEqualTo(cid);
    }
  }

  @Test
  void v0HasNoMultibaseForm() {
    Cid v0 = Cid.v0(Multihash.sha256(HELLO));
    assertThatThrownBy(() -> v0.toString(Multibase.BASE32))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(v0.toV1().toString(Multibase.BASE32)).startsWith("bafybei");
  }

  @Test
  void toV1OfV1IsItselfAndV0DiffersFromItsV1() {
    Cid v0 = Cid.v0(Multihash.sha256(HELLO));
    Cid v1 = v0.toV1();
    assertThat(v1.toV1()).isSameAs(v1);
    assertThat(v1).isNotEqualTo(v0);
    assertThat(v1.multihash()).isEqualTo(v0.multihash());
  }

  @Test
  void v0RequiresSha256() {
    assertThatThrownBy(() -> Cid.v0(Multihash.of(Multicodec.BLAKE2B_256, new byte[32])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sha2-256");
  }

  @Test
  void fromBytesAndReadRoundTripBothVersions() {
    Cid v0 = Cid.v0(Multihash.sha256(HELLO));
    Cid v1 = Cid.v1(Multicodec.DAG_CBOR, Multihash.of(Multicodec.BLAKE2B_256, new byte[32]));
    assertThat(Cid.fromBytes(v0.toBytes())).isEqualTo(v0);
    assertThat(Cid.fromBytes(v1.toBytes())).isEqualTo(v1);
    ByteBuffer in = ByteBuffer.allocate(100).put(v0.toBytes()).put(v1.toBytes()).flip();
    assertThat(Cid.read(in)).isEqualTo(v0);
    assertThat(Cid.read(in)).isEqualTo(v1);
    assertThat(in.hasRemaining()).isFalse();
  }

  @Test
  void fromBytesRejectsTrailingBytes() {
    byte[] bytes = ByteBuffer.allocate(37).put(Cid.v0(Multihash.sha256(HELLO)).toBytes()).array();
    assertThatThrownBy(() -> Cid.fromBytes(bytes))
        .isInstanceOf(MalformedIpldException.class)
        .hasMessageContaining("3 trailing bytes")
        .hasMessageContaining("offset 34");
  }

  @Test
  void fromBytesRejectsUnsupportedVersions() {
    assertThatThrownBy(() -> Cid.fromBytes(HEX.parseHex("02551220")))
        .isInstanceOf(MalformedIpldException.class)
        .hasMessageContaining("version 2");
    assertThatThrownBy(() -> Cid.fromBytes(HEX.parseHex("0070" + "1220" + "00".repeat(32))))
        .isInstanceOf(MalformedIpldException.class)
        .hasMessageContaining("version 0");
  }

  @Test
  void fromBytesRejectsTruncatedCids() {
    assertThatThrownBy(() -> Cid.fromBytes(HEX.parseHex("1220abcd")))
        .isInstanceOf(MalformedIpldException.class);
    assertThatThrownBy(() -> Cid.fromBytes(HEX.parseHex("0155")))
        .isInstanceOf(MalformedIpldException.class)
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> Cid.fromBytes(new byte[0])).isInstanceOf(MalformedIpldException.class);
  }

  @Test
  void parseRejectsV0BinaryWrappedInMultibase() {
    String wrapped = Multibase.BASE32.encode(Cid.v0(Multihash.sha256(HELLO)).toBytes());
    assertThatThrownBy(() -> Cid.parse(wrapped))
        .isInstanceOf(MalformedIpldException.class)
        .hasMessageContaining("CIDv0");
  }

  @Test
  void parseRejectsQmTextThatIsNotAV0Multihash() {
    assertThatThrownBy(() -> Cid.parse("Qm" + "1".repeat(44)))
        .isInstanceOf(MalformedIpldException.class);
  }

  @Test
  void parseRejectsBadCharacters() {
    assertThatThrownBy(() -> Cid.parse("QmRN6wdp1S2A5EtjW9A3M1vKSBuQQGcgvuhoMUoEz4iiT0"))
        .isInstanceOf(MalformedIpldException.class)
        .hasMessageContaining("'0'")
        .hasMessageContaining("index 45");
    assertThatThrownBy(() -> Cid.parse("xafkqaatine"))
        .isInstanceOf(MalformedIpldException.class)
        .hasMessageContaining("'x'");
  }

  @Test
  void ordersByBinaryFormUnsigned() {
    Cid v0 = Cid.v0(Multihash.sha256(HELLO)); // starts 0x12
    Cid raw = Cid.v1(Multicodec.RAW, Multihash.sha256(HELLO)); // starts 0x01 0x55
    Cid cbor = Cid.v1(Multicodec.DAG_CBOR, Multihash.sha256(HELLO)); // starts 0x01 0x71
    assertThat(new TreeSet<>(List.of(v0, cbor, raw))).containsExactly(raw, cbor, v0);
    assertThat(raw.compareTo(Cid.parse(raw.toString()))).isZero();
    assertThat(raw.hashCode()).isEqualTo(Cid.parse(raw.toString()).hashCode());
  }
}
