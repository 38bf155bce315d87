package io.dt4j.core.messages;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MessageLimitsTest {

  @Test
  void aHugeDeclaredVoucherIsRejectedBeforeAnyAllocation() {
    // {IsRq: true, Request: {Vouch: <byte string declaring 2^32 bytes>}}
    byte[] input =
        HexFormat.of().parseHex("a26449735271f56752657175657374a165566f7563685b0000000100000000");

    assertThatThrownBy(() -> MessageCodec.decode(input, ProtocolVersion.V1_1))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("Request.Vouch")
        .hasMessageContaining("longer than 2097152 bytes");
  }

  @Test
  void unknownFieldIsRejectedNamingIt() {
    // {IsRq: true, Request: {Nope: 1}}
    byte[] input = HexFormat.of().parseHex("a26449735271f56752657175657374a1644e6f706501");

    assertThatThrownBy(() -> MessageCodec.decode(input, ProtocolVersion.V1_1))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("unknown struct field 'Nope'");
  }

  @Test
  void nonShortestIntegerIsRejected() {
    // {IsRq: true, Request: {XferID: 0x18 0x01}} — 1 written in two bytes
    byte[] input =
        HexFormat.of().parseHex("a26449735271f56752657175657374a166586665724944" + "1801");

    assertThatThrownBy(() -> MessageCodec.decode(input, ProtocolVersion.V1_1))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("shortest form");
  }
}
