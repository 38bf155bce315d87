package io.dt4j.vouchers.filecoin.cborgen;

import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.DEFERRED;
import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.INT64;
import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.UINT64;
import static io.dt4j.vouchers.filecoin.cborgen.FieldTypes.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.vouchers.filecoin.ByteString;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class StructCodecTest {
  record Pair(long a, long b) {}

  private static final Field<Pair, Long> A = Field.of("A", UINT64, Pair::a);
  private static final Field<Pair, Long> B = Field.of("B", INT64, Pair::b);
  private static final StructCodec<Pair> TUPLE =
      StructCodec.tuple(List.of(A, B), v -> new Pair(v.get(A), v.get(B)));
  private static final StructCodec<Pair> MAP =
      StructCodec.map(List.of(A, B), v -> new Pair(v.get(A), v.get(B)));

  private static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex);
  }

  @Test
  void tuplesAndMapsAreWrittenInDeclarationOrder() {
    assertThat(TUPLE.encode(new Pair(1, -2))).isEqualTo(hex("820121"));
    assertThat(MAP.encode(new Pair(1, -2))).isEqualTo(hex("a2614101614221"));
  }

  @Test
  void int64ReadsBothSignsAndRejectsWhatDoesNotFit() {
    assertThat(TUPLE.decode(hex("82003b7fffffffffffffff"), "Pair"))
        .isEqualTo(new Pair(0, Long.MIN_VALUE));
    assertThatThrownBy(() -> TUPLE.decode(hex("82001b8000000000000000"), "Pair"))
        .isInstanceOf(MalformedIpldException.class)
        .hasMessage("Pair: field B: integer outside the int64 range at byte offset 2");
  }

  @Test
  void trailingBytesAfterTheValueAreRejected() {
    assertThatThrownBy(() -> TUPLE.decode(hex("82010100"), "Pair"))
        .hasMessage("Pair: 1 trailing bytes after the value at byte offset 3");
  }

  @Test
  void nonShortestHeadsAndIndefiniteLengthsAreRejected() {
    assertThatThrownBy(() -> TUPLE.decode(hex("82180101"), "Pair"))
        .hasMessageContaining("not in shortest form");
    assertThatThrownBy(() -> TUPLE.decode(hex("9f0101ff"), "Pair"))
        .hasMessageContaining("indefinite-length");
  }

  @Test
  void deferredItemsAreCapturedWholeWithinLimits() {
    Field<ByteString, ByteString> raw = Field.of("Raw", DEFERRED, b -> b);
    StructCodec<ByteString> holder = StructCodec.tuple(List.of(raw), v -> v.get(raw));

    assertThat(holder.decode(hex("81a1616182f6d82a41ff"), "Holder").toHex())
        .isEqualTo("a1616182f6d82a41ff");
    String deep = "81" + "81".repeat(70) + "00";
    assertThatThrownBy(() -> holder.decode(hex(deep), "Holder"))
        .hasMessageContaining("field Raw: nested deeper than 64");
  }

  @Test
  void listsLongerThanCborGenAllowsAreRejected() {
    Field<List<Long>, List<Long>> items = Field.of("Items", list(UINT64), l -> l);
    StructCodec<List<Long>> holder = StructCodec.tuple(List.of(items), v -> v.get(items));

    assertThatThrownBy(() -> holder.decode(hex("81" + "9a00010000"), "Holder"))
        .hasMessageContaining("field Items: an array longer than 8192");
  }
}
