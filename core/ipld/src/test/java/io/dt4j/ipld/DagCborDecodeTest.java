package io.dt4j.ipld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class DagCborDecodeTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final String EMPTY_RAW_CID =
      "01551220e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private static AbstractThrowableAssert<?, ? extends Throwable> rejects(String hex) {
    return assertThatThrownBy(() -> DagCbor.decode(HEX.parseHex(hex)))
        .isInstanceOf(MalformedIpldException.class);
  }

  @Test
  void decodeAcceptsMapKeysInAnyOrder() {
    Node node = DagCbor.decode(HEX.parseHex("a2616201616102"));
    assertThat(((Node.MapNode) node).entries().keySet()).containsExactly("b", "a");
  }

  @Test
  void decodeReadsNegativeExtremes() {
    assertThat(DagCbor.decode(HEX.parseHex("3b7fffffffffffffff")))
        .isEqualTo(Node.of(Long.MIN_VALUE));
    assertThat(DagCbor.decode(HEX.parseHex("1b7fffffffffffffff")))
        .isEqualTo(Node.of(Long.MAX_VALUE));
  }

  @Test
  void decodeRejectsIndefiniteLengthMap() {
    rejects("bf6161a0ff").hasMessageContaining("indefinite").hasMessageContaining("offset 0");
  }

  @Test
  void decodeRejectsIndefiniteLengthListStringAndBytes() {
    rejects("9f01ff").hasMessageContaining("indefinite");
    rejects("7f6161ff").hasMessageContaining("indefinite");
    rejects("5f4101ff").hasMessageContaining("indefinite");
  }

  @Test
  void decodeRejectsNonShortestIntegers() {
    rejects("1817").hasMessageContaining("shortest form");
    rejects("1900ff").hasMessageContaining("shortest form");
    rejects("1a0000ffff").hasMessageContaining("shortest form");
    rejects("1b00000000ffffffff").hasMessageContaining("shortest form");
    rejects("3817").hasMessageContaining("shortest form");
  }

  @Test
  void decodeRejectsNonShortestLengthsAndPointsAtTheHead() {
    rejects("a1780161a0").hasMessageContaining("shortest form").hasMessageContaining("offset 1");
    rejects("980101").hasMessageContaining("shortest form");
    rejects("58020102").hasMessageContaining("shortest form");
  }

  @Test
  void decodeRejectsIntegersBeyondSigned64Bits() {
    rejects("1b8000000000000000").hasMessageContaining("exceeds 2^63-1");
    rejects("3b8000000000000000").hasMessageContaining("below -2^63");
  }

  @Test
  void decodeRejectsDuplicateMapKeys() {
    rejects("a2616101616102")
        .hasMessageContaining("duplicate map key \"a\"")
        .hasMessageContaining("offset 4");
  }

  @Test
  void decodeRejectsNonStringMapKeys() {
    rejects("a10101")
        .hasMessageContaining("map key must be a text string")
        .hasMessageContaining("offset 1");
    rejects("a1410101").hasMessageContaining("map key");
  }

  @Test
  void decodeRejectsTagsOtherThan42() {
    rejects("c074323031332d30332d32315432303a30343a30305a")
        .hasMessageContaining("tag 0")
        .hasMessageContaining("offset 0");
    rejects("d82b4100").hasMessageContaining("tag 43");
  }

  @Test
  void decodeRejectsTag42NotWrappingAByteString() {
    rejects("d82a6100").hasMessageContaining("must wrap a byte string");
  }

  @Test
  void decodeRejectsTag42WithoutLeadingZero() {
    rejects("d82a5824" + EMPTY_RAW_CID).hasMessageContaining("0x00");
    rejects("d82a40").hasMessageContaining("0x00");
  }

  @Test
  void decodeRejectsTag42WithAnInvalidCid() {
    rejects("d82a43000155").hasMessageContaining("invalid CID").hasMessageContaining("offset 0");
  }

  @Test
  void decodeRejectsUndefinedAndOtherSimpleValues() {
    rejects("f7").hasMessageContaining("simple value 23");
    rejects("f0").hasMessageContaining("simple value 16");
    rejects("f820").hasMessageContaining("simple value 32");
  }

  @Test
  void decodeRejectsHalfAndSinglePrecisionFloats() {
    rejects("f93c00").hasMessageContaining("64-bit");
    rejects("fa3fc00000").hasMessageContaining("64-bit");
    assertThat(DagCbor.decode(HEX.parseHex("fb3ff8000000000000"))).isEqualTo(new Node.Float(1.5));
  }

  @Test
  void decodeRejectsNanAndInfinity() {
    rejects("fb7ff8000000000000").hasMessageContaining("NaN");
    rejects("fb7ff0000000000000").hasMessageContaining("infinities");
  }

  @Test
  void decodeRejectsTrailingBytes() {
    rejects("a1612ea000").hasMessageContaining("trailing").hasMessageContaining("offset 4");
  }

  @Test
  void decodeRejectsTruncatedInput() {
    rejects("").hasMessageContaining("truncated").hasMessageContaining("offset 0");
    rejects("a16152a2616ca1").hasMessageContaining("truncated");
    rejects("1a0001").hasMessageContaining("truncated");
    rejects("5a0001000001").hasMessageContaining("truncated");
  }

  @Test
  void decodeRejectsHugeDeclaredCountsWithoutAllocating() {
    rejects("9b7fffffffffffffff").hasMessageContaining("truncated");
    rejects("bb7fffffffffffffff").hasMessageContaining("truncated");
    rejects("5bffffffffffffffff").hasMessageContaining("truncated");
  }

  @Test
  void decodeRejectsReservedAdditionalInformation() {
    rejects("1c").hasMessageContaining("reserved");
    rejects("fc").hasMessageContaining("reserved");
  }

  @Test
  void decodeRejectsInvalidUtf8() {
    rejects("62c328").hasMessageContaining("UTF-8").hasMessageContaining("offset 0");
    rejects("a162c32800").hasMessageContaining("UTF-8").hasMessageContaining("offset 1");
  }

  @Test
  void decodeRejectsNestingDeeperThanTheLimit() {
    String ok = "81".repeat(256) + "00";
    assertThat(DagCbor.decode(HEX.parseHex(ok))).isInstanceOf(Node.ListNode.class);
    rejects("81".repeat(257) + "00").hasMessageContaining("nesting deeper than 256");
    rejects("a16161".repeat(300) + "00").hasMessageContaining("nesting");
  }
}
