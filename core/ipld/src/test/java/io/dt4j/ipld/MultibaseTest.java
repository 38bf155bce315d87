package io.dt4j.ipld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultibaseTest {
  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void base32MatchesRfc4648VectorsInLowerCaseWithoutPadding() {
    assertThat(Multibase.BASE32.encodeRaw(new byte[0])).isEmpty();
    assertThat(Multibase.BASE32.encodeRaw(ascii("f"))).isEqualTo("my");
    assertThat(Multibase.BASE32.encodeRaw(ascii("fo"))).isEqualTo("mzxq");
    assertThat(Multibase.BASE32.encodeRaw(ascii("foo"))).isEqualTo("mzxw6");
    assertThat(Multibase.BASE32.encodeRaw(ascii("foob"))).isEqualTo("mzxw6yq");
    assertThat(Multibase.BASE32.encodeRaw(ascii("fooba"))).isEqualTo("mzxw6ytb");
    assertThat(Multibase.BASE32.encodeRaw(ascii("foobar"))).isEqualTo("mzxw6ytboi");
    assertThat(Multibase.BASE32.encode(ascii("foobar"))).isEqualTo("bmzxw6ytboi");
    assertThat(Multibase.BASE32.decodeRaw("mzxw6ytboi")).isEqualTo(ascii("foobar"));
  }

  @Test
  void base58KeepsLeadingZeroBytesAsOnes() {
    assertThat(Multibase.BASE58BTC.encodeRaw(new byte[] {0, 0, 1})).isEqualTo("112");
    assertThat(Multibase.BASE58BTC.decodeRaw("112")).isEqualTo(new byte[] {0, 0, 1});
    assertThat(Multibase.BASE58BTC.encodeRaw(new byte[] {0})).isEqualTo("1");
    assertThat(Multibase.BASE58BTC.encodeRaw(new byte[0])).isEmpty();
    assertThat(Multibase.BASE58BTC.encode(ascii("hello world"))).isEqualTo("zStV1DL6CwTryKyV");
  }

  @Test
  void base36UsesLowerCaseAndZeroForLeadingZeroBytes() {
    byte[] data = new byte[] {0, 'h', 'e', 'l', 'l', 'o'};
    assertThat(Multibase.BASE36.encode(data)).isEqualTo("k05pzcszu7");
    assertThat(Multibase.decode("k05pzcszu7")).isEqualTo(data);
  }

  @Test
  void everyBaseRoundTripsRandomData() {
    Random random = new Random(42);
    for (Multibase base : Multibase.values()) {
      for (int length = 0; length < 70; length++) {
        byte[] data = new byte[length];
        random.nextBytes(data);
        if (length > 2) {
          data[0] = 0;
        }
        assertThat(Multibase.decode(base.encode(data))).as(base + " " + length).isEqualTo(data);
      }
    }
  }

  @Test
  void decodeDispatchesOnPrefix() {
    assertThat(Multibase.BASE58BTC.prefix()).isEqualTo('z');
    assertThat(Multibase.BASE32.prefix()).isEqualTo('b');
    assertThat(Multibase.BASE36.prefix()).isEqualTo('k');
    assertThat(Multibase.decode("bmzxw6ytboi")).isEqualTo(ascii("foobar"));
    assertThat(Multibase.decode("zStV1DL6CwTryKyV")).isEqualTo(ascii("hello world"));
  }

  @Test
  void decodeRejectsUnknownPrefixNamingIt() {
    assertThatThrownBy(() -> Multibase.decode("Bmzxw6ytboi"))
        .isInstanceOf(MalformedIpldException.class)
        .hasMessageContaining("'B'");
    assertThatThrownBy(() -> Multibase.decode(""))
        .isInstanceOf(MalformedIpldException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void base58RejectsCharactersOutsideTheAlphabetNamingCharAndIndex() {
    assertThatThrownBy(() -> Multibase.BASE58BTC.decodeRaw("abc0def"))
        .isInstanceOf(MalformedIpldException.class)
        .hasMessageContaining("'0'")
        .hasMessageContaining("index 3");
    assertThatThrownBy(() -> Multibase.BASE58BTC.decodeRaw("abcé"))
        .isInstanceOf(MalformedIpldException.class)
        .hasMessageContaining("index 3");
  }

  @Test
  void base32RejectsUpperCaseAndPaddingNamingCharAndIndex() {
    assertThatThrownBy(() -> Multibase.BASE32.decodeRaw("mzXw6"))
        .isInstanceOf(MalformedIpldException.class)
        .hasMessageContaining("'X'")
        .hasMessageContaining("index 2");
    assertThatThrownBy(() -> Multibase.BASE32.decodeRaw("my======"))
        .isInstanceOf(MalformedIpldException.class)
        .hasMessageContaining("'='");
  }

  @Test
  void base32RejectsImpossibleLengthsAndNonZeroTrailingBits() {
    assertThatThrownBy(() -> Multibase.BASE32.decodeRaw("m"))
        .isInstanceOf(MalformedIpldException.class)
        .hasMessageContaining("length 1");
    assertThatThrownBy(() -> Multibase.BASE32.decodeRaw("mz"))
        .isInstanceOf(MalformedIpldException.class)
        .hasMessageContaining("padding bits");
  }

  @Test
  void decodeCountsErrorIndicesFromTheStartOfTheWholeText() {
    assertThatThrownBy(() -> Multibase.decode("bmzXw6"))
        .isInstanceOf(MalformedIpldException.class)
        .hasMessageContaining("'X'")
        .hasMessageContaining("index 3");
    assertThatThrownBy(() -> Multibase.decode("z11I"))
        .isInstanceOf(MalformedIpldException.class)
        .hasMessageContaining("'I'")
        .hasMessageContaining("index 3");
    assertThat(Multibase.decode("z112")).isEqualTo(new byte[] {0, 0, 1});
    assertThat(Multibase.decode("b")).isEmpty();
  }

  @Test
  void base36RejectsUpperCase() {
    assertThatThrownBy(() -> Multibase.BASE36.decodeRaw("05PZ"))
        .isInstanceOf(MalformedIpldException.class)
        .hasMessageContaining("'P'")
        .hasMessageContaining("index 2");
  }
}
