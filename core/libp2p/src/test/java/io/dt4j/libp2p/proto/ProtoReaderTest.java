package io.dt4j.libp2p.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ProtoReaderTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void writerOutputReadsBack() {
    byte[] message =
        new ProtoWriter().varint(1, 300).string(2, "hi").bytes(4, new byte[0]).toByteArray();
    assertThat(HEX.formatHex(message)).isEqualTo("08ac021202686922" + "00");
    ProtoReader reader = new ProtoReader(message);
    assertThat(reader.readTag()).isEqualTo(0x08);
    assertThat(reader.readVarint()).isEqualTo(300);
    assertThat(reader.readTag()).isEqualTo(0x12);
    assertThat(reader.readBytes()).containsExactly('h', 'i');
    int tag = reader.readTag();
    reader.skip(tag);
    assertThat(reader.hasMore()).isFalse();
  }

  @Test
  void truncatedLengthDelimitedFieldIsRejected() {
    ProtoReader reader = new ProtoReader(HEX.parseHex("0a0501"));
    reader.readTag();
    assertThatThrownBy(reader::readBytes)
        .isInstanceOf(MalformedProtobufException.class)
        .hasMessageContaining("declares 5 bytes but only 1 remain");
  }

  @Test
  void groupsAndFieldZeroAreRejectedAndFixedWidthFieldsSkipped() {
    assertThatThrownBy(() -> new ProtoReader(HEX.parseHex("0b")).readTag())
        .isInstanceOf(MalformedProtobufException.class)
        .hasMessageContaining("wire type 3");
    ProtoReader fixed = new ProtoReader(HEX.parseHex("0d01020304" + "1101020304050607"));
    fixed.skip(fixed.readTag());
    assertThatThrownBy(() -> fixed.skip(fixed.readTag()))
        .isInstanceOf(MalformedProtobufException.class)
        .hasMessageContaining("truncated 8-byte field");
    assertThatThrownBy(() -> new ProtoReader(HEX.parseHex("02")).readTag())
        .isInstanceOf(MalformedProtobufException.class);
  }
}
