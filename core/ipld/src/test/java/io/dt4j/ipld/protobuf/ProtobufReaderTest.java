package io.dt4j.ipld.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.ipld.MalformedIpldException;
import io.dt4j.ipld.protobuf.ProtobufReader.Tag;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The bounded reader: field kinds, proto3 skipping, and each way bytes can be malformed. */
class ProtobufReaderTest {
  private static final HexFormat HEX = HexFormat.of();

  private static ProtobufReader reader(String hex) {
    return ProtobufReader.of(HEX.parseHex(hex));
  }

  private static void assertMalformed(Runnable read, String problem, int offset) {
    assertThatThrownBy(read::run)
        .isInstanceOf(MalformedProtobufException.class)
        .isInstanceOf(MalformedIpldException.class)
        .hasMessageContaining(problem)
        .hasMessageContaining("byte offset " + offset);
  }

  @Test
  void readsTagsAndScalarsOfEveryWireType() {
    ProtobufReader in = reader("0801" + "1102000000000000ff" + "1a0161" + "2d04030201");
    assertThat(in.readTag()).isEqualTo(new Tag(1, ProtobufReader.VARINT, 0));
    assertThat(in.readBool()).isTrue();
    assertThat(in.readTag().wireType()).isEqualTo(ProtobufReader.FIXED64);
    assertThat(in.readFixed64()).isEqualTo(0xff00000000000002L);
    assertThat(in.readTag().fieldNumber()).isEqualTo(3);
    assertThat(in.readString()).isEqualTo("a");
    assertThat(in.readTag().wireType()).isEqualTo(ProtobufReader.FIXED32);
    assertThat(in.readFixed32()).isEqualTo(0x01020304L);
    assertThat(in.hasRemaining()).isFalse();
  }

  @Test
  void negativeInt32IsATenByteSignExtendedVarint() {
    byte[] encoded = new ProtobufWriter(16).int32Field(1, -2).toByteArray();
    assertThat(HEX.formatHex(encoded)).isEqualTo("08feffffffffffffffff01");
    ProtobufReader in = ProtobufReader.of(encoded);
    in.readTag();
    assertThat(in.readInt32()).isEqualTo(-2);
  }

  @Test
  void int32OutOfRangeIsRejected() {
    // 2^32 does not fit an int32 and is not a sign-extended negative one
    assertMalformed(() -> reader("8080808010").readInt32(), "out of range", 0);
  }

  @Test
  void skipsUnknownFieldsOfEveryWireType() {
    ProtobufReader in =
        reader("089601" + "110102030405060708" + "1a03616263" + "2d01020304" + "3001");
    for (int i = 0; i < 4; i++) {
      in.skip(in.readTag());
    }
    assertThat(in.readTag().fieldNumber()).isEqualTo(6);
    assertThat(in.readBool()).isTrue();
    assertThat(in.hasRemaining()).isFalse();
  }

  @Test
  void embeddedReaderReportsOuterOffsets() {
    ProtobufReader in = reader("0a02" + "0880" + "01");
    in.readTag();
    ProtobufReader embedded = in.readEmbedded();
    assertThat(in.position()).isEqualTo(4);
    assertThat(embedded.readTag().offset()).isEqualTo(2);
    assertMalformed(embedded::readVarint, "truncated varint", 3);
  }

  @Test
  void rejectsGroups() {
    ProtobufReader in = reader("0b");
    Tag group = in.readTag();
    assertMalformed(() -> in.skip(group), "group", 0);
  }

  @Test
  void rejectsWireTypesSixAndSeven() {
    assertMalformed(() -> reader("0e").readTag(), "invalid wire type 6", 0);
    assertMalformed(() -> reader("0f").readTag(), "invalid wire type 7", 0);
  }

  @Test
  void rejectsFieldNumberZero() {
    assertMalformed(() -> reader("0200").readTag(), "invalid field number 0", 0);
  }

  @Test
  void rejectsVarintsThatAreTruncatedNotMinimalOrTooLong() {
    assertMalformed(() -> reader("80").readUint64(), "truncated varint", 0);
    assertMalformed(() -> reader("8000").readUint64(), "not minimally encoded", 0);
    assertMalformed(() -> reader("ffffffffffffffffff02").readUint64(), "overflows 64 bits", 0);
    assertMalformed(() -> reader("ffffffffffffffffff01").readVarint(), "2^63 or more", 0);
  }

  @Test
  void acceptsTheLargestUint64() {
    assertThat(reader("ffffffffffffffffff01").readUint64()).isEqualTo(-1L);
  }

  @Test
  void rejectsLengthsPastTheEndBeforeAllocating() {
    // declares 2^62 bytes: must fail on the length, not on an allocation
    assertMalformed(() -> reader("808080808080808040").readBytes(), "runs past the end", 0);
    assertMalformed(() -> reader("0561").readBytes(), "runs past the end", 0);
  }

  @Test
  void rejectsLengthsOverTheLimit() {
    ProtobufReader in = ProtobufReader.of(HEX.parseHex("0a03616263"), 2);
    in.readTag();
    assertMalformed(in::readBytes, "over the limit of 2", 1);
  }

  @Test
  void rejectsTruncatedFixedFields() {
    assertMalformed(() -> reader("010203").readFixed32(), "truncated fixed32", 0);
    assertMalformed(() -> reader("01020304").readFixed64(), "truncated fixed64", 0);
  }

  @Test
  void rejectsStringsThatAreNotUtf8() {
    assertMalformed(() -> reader("01ff").readString(), "not valid UTF-8", 0);
  }

  @Test
  void rejectsNestingDeeperThanTheLimit() {
    int depth = ProtobufReader.MAX_DEPTH + 1;
    byte[] message = new byte[0];
    for (int i = 0; i < depth; i++) {
      message = new ProtobufWriter(message.length + 4).bytesField(1, message).toByteArray();
    }
    ProtobufReader in = ProtobufReader.of(message);
    assertThatThrownBy(
            () -> {
              ProtobufReader current = in;
              while (current.hasRemaining()) {
                current.readTag();
                current = current.readEmbedded();
              }
            })
        .isInstanceOf(MalformedProtobufException.class)
        .hasMessageContaining("nests deeper than " + ProtobufReader.MAX_DEPTH);
  }
}
