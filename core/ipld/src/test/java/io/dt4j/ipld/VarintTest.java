package io.dt4j.ipld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class VarintTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void encodesMultiformatsExamples() {
    assertThat(HEX.formatHex(Varint.encode(0))).isEqualTo("00");
    assertThat(HEX.formatHex(Varint.encode(1))).isEqualTo("01");
    assertThat(HEX.formatHex(Varint.encode(127))).isEqualTo("7f");
    assertThat(HEX.formatHex(Varint.encode(128))).isEqualTo("8001");
    assertThat(HEX.formatHex(Varint.encode(255))).isEqualTo("ff01");
    assertThat(HEX.formatHex(Varint.encode(300))).isEqualTo("ac02");
    assertThat(HEX.formatHex(Varint.encode(16384))).isEqualTo("808001");
    assertThat(HEX.formatHex(Varint.encode(Multicodec.BLAKE2B_256))).isEqualTo("a0e402");
  }

  @Test
  void largestValueTakesNineBytesAndRoundTrips() {
    byte[] encoded = Varint.encode(Long.MAX_VALUE);
    assertThat(encoded).hasSize(9);
    assertThat(Varint.encodedLength(Long.MAX_VALUE)).isEqualTo(9);
    assertThat(Varint.read(ByteBuffer.wrap(encoded))).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void encodedLengthMatchesEncodeAtEveryBoundary() {
    for (int bits = 0; bits < 63; bits++) {
      long value = 1L << bits;
      for (long v : new long[] {value - 1, value}) {
        assertThat(Varint.encodedLength(v)).isEqualTo(Varint.encode(v).length);
        assertThat(Varint.read(ByteBuffer.wrap(Varint.encode(v)))).isEqualTo(v);
      }
    }
  }

  @Test
  void encodeRejectsValuesOf2To63AndAbove() {
    assertThatThrownBy(() -> Varint.encode(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Varint.encodedLength(Long.MIN_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readAdvancesPastOneVarintOnly() {
    ByteBuffer in = ByteBuffer.wrap(HEX.parseHex("ac0205"));
    assertThat(Varint.read(in)).isEqualTo(300);
    assertThat(in.position()).isEqualTo(2);
    assertThat(Varint.read(in)).isEqualTo(5);
  }

  @Test
  void readRejectsTruncatedInput() {
    assertThatThrownBy(() -> Varint.read(ByteBuffer.wrap(HEX.parseHex("ff"))))
        .isInstanceOf(MalformedIpldException.class)
        .hasMessageContaining("truncated")
        .hasMessageContaining("offset 0");
    assertThatThrownBy(() -> Varint.read(ByteBuffer.allocate(0)))
        .isInstanceOf(MalformedIpldException.class);
  }

  @Test
  void readRejectsNonMinimalEncoding() {
    assertThatThrownBy(() -> Varint.read(ByteBuffer.wrap(HEX.parseHex("8100"))))
        .isInstanceOf(MalformedIpldException.class)
        .hasMessageContaining("not minimally encoded");
    assertThatThrownBy(() -> Varint.read(ByteBuffer.wrap(HEX.parseHex("8000"))))
        .isInstanceOf(MalformedIpldException.class);
  }

  @Test
  void readRejectsMoreThanNineBytes() {
    ByteBuffer in = ByteBuffer.wrap(HEX.parseHex("00ffffffffffffffffff01"));
    in.get();
    assertThatThrownBy(() -> Varint.read(in))
        .isInstanceOf(MalformedIpldException.class)
        .hasMessageContaining("longer than 9 bytes")
        .hasMessageContaining("offset 1");
  }
}
