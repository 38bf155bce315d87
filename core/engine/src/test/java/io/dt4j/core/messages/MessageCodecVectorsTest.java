package io.dt4j.core.messages;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.ChannelId;
import io.dt4j.api.MessageType;
import io.dt4j.api.TransferMessage;
import io.dt4j.api.TransferRequest;
import io.dt4j.api.TransferResponse;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Selectors;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MessageCodecVectorsTest {

  static Stream<GoldenVectors.Vector> vectors() {
    return GoldenVectors.all().stream();
  }

  static Stream<GoldenVectors.Vector> byteExactVectors() {
    return vectors().filter(v -> !v.id().equals("U8"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("byteExactVectors")
  void vectorDecodesAndReEncodesToIdenticalBytes(GoldenVectors.Vector vector) throws Exception {
    TransferMessage message = MessageCodec.decode(vector.bytes(), vector.version());

    assertThat(HexFormat.of().formatHex(MessageCodec.encode(message, vector.version())))
        .isEqualTo(HexFormat.of().formatHex(vector.bytes()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void vectorBytesFedOneByteShortAreRejectedNotMisread(GoldenVectors.Vector vector) {
    byte[] truncated = java.util.Arrays.copyOf(vector.bytes(), vector.bytes().length - 1);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> MessageCodec.decode(truncated, vector.version()))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("byte offset");
  }

  @Test
  void keysInNewerGoOrderDecodeAndReEncodeInTheV17Order() throws Exception {
    GoldenVectors.Vector u8 = vector("U8");
    GoldenVectors.Vector u4 = vector("U4");

    TransferMessage message = MessageCodec.decode(u8.bytes(), ProtocolVersion.V1_1);

    assertThat(MessageCodec.encode(message, ProtocolVersion.V1_1)).isEqualTo(u4.bytes());
  }

  @Test
  void documentedFieldsOfTheUpstreamVectors() throws Exception {
    TransferRequest u1 = (TransferRequest) decode("U1");
    assertThat(u1.type()).isEqualTo(MessageType.RESTART_EXISTING_CHANNEL_REQUEST);
    ChannelId restart = u1.restartChannel().orElseThrow();
    assertThat(restart.initiator().toBytes()).isEqualTo("1".getBytes(StandardCharsets.US_ASCII));
    assertThat(restart.responder().toBytes()).isEqualTo("2".getBytes(StandardCharsets.US_ASCII));
    assertThat(restart.id().value()).isEqualTo(1);

    TransferRequest u2 = (TransferRequest) decode("U2");
    assertThat(u2.type()).isEqualTo(MessageType.NEW);
    assertThat(u2.pull()).isFalse();
    assertThat(u2.transferId().value()).isEqualTo(1298498081L);
    assertThat(u2.baseCid()).contains(Cid.parse("QmTTA2daxGqo5denp6SwLzzkLJm3fuisYEi9CoWsuHpzfb"));
    assertThat(u2.selector()).contains(Selectors.MATCH_SELF);
    assertThat(u2.voucher().orElseThrow().type().value()).isEqualTo("FakeDTType");

    TransferResponse u6 = (TransferResponse) decode("U6");
    assertThat(u6.accepted()).isFalse();
    assertThat(u6.type()).isEqualTo(MessageType.NEW);

    TransferRequest s1 = (TransferRequest) decode("S1");
    assertThat(s1.pull()).isTrue();
    assertThat(s1.selector()).contains(Selectors.EXPLORE_ALL);

    TransferResponse s3 = (TransferResponse) decode("S3");
    assertThat(s3.type()).isEqualTo(MessageType.COMPLETE);
    assertThat(s3.paused()).isTrue();
    assertThat(s3.voucherResult().orElseThrow().cbor())
        .isEqualTo(HexFormat.of().parseHex("816568656c6c6f"));

    TransferResponse s11 = (TransferResponse) decode("S11");
    assertThat(s11.transferId().value()).isEqualTo(1L << 40);
    assertThat(s11.voucherResult()).isEmpty();
  }

  @Test
  void the10FormsCarryTheSameContentAsThe11Forms() throws Exception {
    assertThat(decode("S12")).isEqualTo(decode("S1"));
    assertThat(decode("S13")).isEqualTo(decode("S2"));
    assertThat(decode("S14")).isEqualTo(decode("S4"));
    assertThat(MessageCodec.encode(decode("S1"), ProtocolVersion.V1_0))
        .isEqualTo(vector("S12").bytes());
  }

  private static TransferMessage decode(String id) throws MalformedMessageException {
    GoldenVectors.Vector v = vector(id);
    return MessageCodec.decode(v.bytes(), v.version());
  }

  private static GoldenVectors.Vector vector(String id) {
    return vectors().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
  }
}
