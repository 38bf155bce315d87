package io.dt4j.ipld.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The writer keeps the caller's field order and writes minimal varints. */
class ProtobufWriterTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void writesFieldsInCallOrder() {
    ProtobufWriter inner = new ProtobufWriter(8).varintField(1, 300);
    byte[] out =
        new ProtobufWriter(8)
            .stringField(2, "hi")
            .boolField(3, true)
            .messageField(4, inner)
            .fixed32Field(5, 1)
            .toByteArray();
    assertThat(HEX.formatHex(out))
        .isEqualTo("12026869" + "1801" + "2203" + "08ac02" + "2d01000000");
  }

  @Test
  void varintLengthsMatchTheEncoding() {
    for (long value : new long[] {0, 127, 128, 16_383, 16_384, Long.MAX_VALUE, -1}) {
      assertThat(ProtobufWriter.encodeVarint(value)).hasSize(ProtobufWriter.varintLength(value));
    }
    assertThat(ProtobufWriter.varintLength(-1)).isEqualTo(10);
  }

  @Test
  void anEmbeddedMessageWrittenInPlaceMatchesOneBuiltSeparately() {
    ProtobufWriter inner = new ProtobufWriter(8).varintField(1, 300).stringField(2, "x");
    byte[] separately = new ProtobufWriter(8).messageField(3, inner).toByteArray();
    ProtobufWriter inPlace = new ProtobufWriter(8).messageHeader(3, inner.size());
    inPlace.varintField(1, 300).stringField(2, "x");

    assertThat(inPlace.toByteArray()).isEqualTo(separately);
    assertThat(ProtobufWriter.lengthDelimitedSize(3, inner.size())).isEqualTo(separately.length);
    assertThat(inPlace.toByteBuffer().remaining()).isEqualTo(separately.length);
  }

  @Test
  void partOfAnArrayIsWrittenAsBytes() {
    byte[] out = new ProtobufWriter(4).bytesField(1, new byte[] {9, 8, 7, 6}, 1, 2).toByteArray();
    assertThat(HEX.formatHex(out)).isEqualTo("0a020807");
  }
}
