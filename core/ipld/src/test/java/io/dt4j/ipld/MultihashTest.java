package io.dt4j.ipld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MultihashTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final String HELLO_SHA256 =
      "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

  @Test
  void sha256OfHelloHasTheWellKnownDigest() {
    Multihash multihash = Multihash.sha256("hello".getBytes(StandardCharsets.US_ASCII));
    assertThat(multihash.code()).isEqualTo(Multicodec.SHA2_256);
    assertThat(HEX.formatHex(multihash.digest())).isEqualTo(HELLO_SHA256);
    assertThat(HEX.formatHex(multihash.toBytes())).isEqualTo("1220" + HELLO_SHA256);
    assertThat(multihash.encodedLength()).isEqualTo(34);
    assertThat(multihash).hasToString("sha2-256:" + HELLO_SHA256);
  }

  @Test
  void fromBytesRoundTripsAndEqualsByContent() {
    Multihash multihash = Multihash.fromBytes(HEX.parseHex("1220" + HELLO_SHA256));
    assertThat(multihash).isEqualTo(Multihash.sha256("hello".getBytes(StandardCharsets.US_ASCII)));
    assertThat(multihash.hashCode())
        .isEqualTo(Multihash.of(0x12, HEX.parseHex(HELLO_SHA256)).hashCode());
  }

  @Test
  void identityMultihashCarriesTheDataItself() {
    Multihash identity =
        Multihash.of(Multicodec.IDENTITY, "hi".getBytes(StandardCharsets.US_ASCII));
    assertThat(HEX.formatHex(identity.toBytes())).isEqualTo("00026869");
    assertThat(Multihash.fromBytes(HEX.parseHex("00026869"))).isEqualTo(identity);
  }

  @Test
  void blake2bCodeTakesAThreeByteVarint() {
    Multihash multihash = Multihash.of(Multicodec.BLAKE2B_256, new byte[32]);
    assertThat(HEX.formatHex(multihash.toBytes())).startsWith("a0e40220");
    assertThat(multihash.encodedLength()).isEqualTo(36);
    assertThat(Multihash.fromBytes(multihash.toBytes())).isEqualTo(multihash);
  }

  @Test
  void ofCopiesTheDigestInAndOut() {
    byte[] digest = new byte[32];
    Multihash multihash = Multihash.of(Multicodec.SHA2_256, digest);
    digest[0] = 1;
    multihash.digest()[1] = 1;
    assertThat(multihash.digest()).isEqualTo(new byte[32]);
  }

  @Test
  void ofRejectsDigestLengthsThatDoNotFitTheHashFunction() {
    assertThatThrownBy(() -> Multihash.of(Multicodec.SHA2_256, new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sha2-256 digest must be 32 bytes, got 31");
    assertThatThrownBy(() -> Multihash.of(Multicodec.SHA2_512, new byte[32]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Multihash.of(Multicodec.BLAKE2B_256, new byte[64]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Multihash.of(Multicodec.IDENTITY, new byte[129]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Multihash.of(Multicodec.IDENTITY, new byte[128]).digest()).hasSize(128);
    assertThat(Multihash.of(0x1234, new byte[7]).digest()).hasSize(7);
  }

  @Test
  void fromBytesRejectsTrailingBytes() {
    assertThatThrownBy(() -> Multihash.fromBytes(HEX.parseHex("1220" + HELLO_SHA256 + "00")))
        .isInstanceOf(MalformedIpldException.class)
        .hasMessageContaining("trailing")
        .hasMessageContaining("offset 34");
  }

  @Test
  void readRejectsTruncatedDigest() {
    assertThatThrownBy(() -> Multihash.read(ByteBuffer.wrap(HEX.parseHex("12200102"))))
        .isInstanceOf(MalformedIpldException.class)
        .hasMessageContaining("truncated multihash");
  }

  @Test
  void readRejectsWrongDigestLengthForKnownCode() {
    assertThatThrownBy(() -> Multihash.fromBytes(HEX.parseHex("1202abcd")))
        .isInstanceOf(MalformedIpldException.class)
        .hasMessageContaining("sha2-256 digest must be 32 bytes");
  }

  @Test
  void multicodecNamesKnownCodesAndHexForOthers() {
    assertThat(Multicodec.name(Multicodec.DAG_CBOR)).isEqualTo("dag-cbor");
    assertThat(Multicodec.name(Multicodec.DAG_JSON)).isEqualTo("dag-json");
    assertThat(Multicodec.name(Multicodec.RAW)).isEqualTo("raw");
    assertThat(Multicodec.name(Multicodec.BLAKE2B_256)).isEqualTo("blake2b-256");
    assertThat(Multicodec.name(0x1234)).isEqualTo("0x1234");
  }
}
