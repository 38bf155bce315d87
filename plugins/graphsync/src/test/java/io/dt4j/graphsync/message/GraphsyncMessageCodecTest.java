package io.dt4j.graphsync.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.graphsync.extensions.ExtensionNames;
import io.dt4j.graphsync.extensions.LinkMetadata;
import io.dt4j.graphsync.extensions.ResponseMetadata;
import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Selectors;
import io.dt4j.ipld.protobuf.FrameDecoder;
import io.dt4j.ipld.protobuf.ProtobufWriter;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The codec against the spec's vectors (§2.4) and its proto3 rules (§1, §2.1–2.2). */
class GraphsyncMessageCodecTest {
  private static final HexFormat HEX = HexFormat.of();

  private static byte[] framed(GraphsyncMessage message) {
    byte[] body = GraphsyncMessageCodec.encode(message);
    byte[] prefix = FrameDecoder.lengthPrefix(body.length);
    byte[] wire = new byte[prefix.length + body.length];
    System.arraycopy(prefix, 0, wire, 0, prefix.length);
    System.arraycopy(body, 0, wire, prefix.length, body.length);
    return wire;
  }

  @Test
  void largeBlockDataGoesOutByReferenceAndReadsBackTheSame() throws Exception {
    byte[] large = new byte[GraphsyncMessageCodec.BY_REFERENCE_BYTES];
    new java.util.Random(7).nextBytes(large);
    Block big = Block.of(Multicodec.RAW, large);
    Block small = Block.of(Multicodec.RAW, "hello".getBytes(StandardCharsets.US_ASCII));
    GraphsyncMessage message =
        new GraphsyncMessage(
            List.of(),
            List.of(
                new GraphsyncResponse(
                    3, ResponseStatusCode.REQUEST_COMPLETED_FULL, Extensions.none())),
            List.of(small, big, Block.of(Multicodec.RAW, new byte[] {1, 2, 3})));

    List<java.nio.ByteBuffer> segments = GraphsyncMessageCodec.encodeToSegments(message);

    assertThat(segments).anySatisfy(s -> assertThat(s.array()).isSameAs(big.dataUnsafe()));
    byte[] body = GraphsyncMessageCodec.encode(message);
    assertThat(body.length)
        .isEqualTo(segments.stream().mapToInt(java.nio.ByteBuffer::remaining).sum());
    assertThat(GraphsyncMessageCodec.decode(body)).isEqualTo(message);
  }

  @Test
  void goEncodedRequestDecodesAndReencodesByteForByte() throws Exception {
    GraphsyncMessage message =
        GraphsyncMessageCodec.decode(GoldenVectors.body(GoldenVectors.GO_REQUEST));

    assertThat(message.requests())
        .containsExactly(
            new NewRequest(
                1,
                Cid.parse(GoldenVectors.GO_REQUEST_ROOT),
                Selectors.EXPLORE_ALL,
                0,
                Extensions.none()));
    assertThat(message.responses()).isEmpty();
    assertThat(message.blocks()).isEmpty();
    assertThat(HEX.formatHex(framed(message))).isEqualTo(GoldenVectors.GO_REQUEST);
  }

  @Test
  void finalResponseWithMetadataAndBlockDecodesAndReencodesByteForByte() throws Exception {
    GraphsyncMessage message =
        GraphsyncMessageCodec.decode(GoldenVectors.body(GoldenVectors.HELLO_RESPONSE));

    Block hello = Block.of(Multicodec.RAW, "hello".getBytes(StandardCharsets.US_ASCII));
    GraphsyncResponse response = message.responses().get(0);
    assertThat(response.id()).isZero();
    assertThat(response.status()).isEqualTo(ResponseStatusCode.REQUEST_COMPLETED_FULL);
    assertThat(
            ResponseMetadata.decode(
                response.extensions().get(ExtensionNames.RESPONSE_METADATA).orElseThrow()))
        .containsExactly(new LinkMetadata(hello.cid(), true));
    assertThat(message.blocks()).containsExactly(hello);
    assertThat(HEX.formatHex(framed(message))).isEqualTo(GoldenVectors.HELLO_RESPONSE);
  }

  @Test
  void cancelsMatchTheSpecVectors() throws Exception {
    assertThat(HEX.formatHex(framed(GraphsyncMessage.ofRequests(new CancelRequest(0)))))
        .isEqualTo(GoldenVectors.CANCEL_0);
    assertThat(HEX.formatHex(framed(GraphsyncMessage.ofRequests(new CancelRequest(3)))))
        .isEqualTo(GoldenVectors.CANCEL_3);
    assertThat(GraphsyncMessageCodec.decode(GoldenVectors.body(GoldenVectors.CANCEL_3)).requests())
        .containsExactly(new CancelRequest(3));
  }

  @Test
  void explicitProto3DefaultsAreAccepted() throws Exception {
    // the JS implementation writes priority 0, cancel false and update false explicitly
    ProtobufWriter request =
        new ProtobufWriter(64)
            .int32Field(1, 0)
            .bytesField(2, Cid.parse(GoldenVectors.GO_REQUEST_ROOT).toBytes())
            .bytesField(3, DagCbor.encode(Selectors.MATCH_SELF))
            .int32Field(5, 0)
            .boolField(6, false)
            .boolField(7, false);
    byte[] body = new ProtobufWriter(64).boolField(1, false).messageField(2, request).toByteArray();

    assertThat(GraphsyncMessageCodec.decode(body).requests())
        .containsExactly(
            new NewRequest(
                0,
                Cid.parse(GoldenVectors.GO_REQUEST_ROOT),
                Selectors.MATCH_SELF,
                0,
                Extensions.none()));
  }

  @Test
  void unknownFieldsAreSkippedAtEveryLevel() throws Exception {
    ProtobufWriter response =
        new ProtobufWriter(16).int32Field(1, 4).int32Field(2, 14).stringField(9, "later");
    byte[] body =
        new ProtobufWriter(64)
            .varintField(15, 7)
            .messageField(3, response)
            .fixed32Field(16, 1)
            .toByteArray();

    assertThat(GraphsyncMessageCodec.decode(body).responses())
        .containsExactly(
            new GraphsyncResponse(4, ResponseStatusCode.PARTIAL_RESPONSE, Extensions.none()));
  }

  @Test
  void cancelAndUpdateIgnoreRootAndSelector() throws Exception {
    // garbage root and selector bytes in a cancel must not be parsed (§2.2, pitfall 20)
    ProtobufWriter cancel =
        new ProtobufWriter(16).int32Field(1, 9).bytesField(2, new byte[] {1}).boolField(6, true);
    ProtobufWriter update =
        new ProtobufWriter(16)
            .int32Field(1, 9)
            .bytesField(3, new byte[] {(byte) 0xff})
            .messageField(
                4, new ProtobufWriter(16).stringField(1, "x").bytesField(2, new byte[] {5}))
            .boolField(7, true);
    byte[] body =
        new ProtobufWriter(64).messageField(2, cancel).messageField(2, update).toByteArray();

    assertThat(GraphsyncMessageCodec.decode(body).requests())
        .containsExactly(
            new CancelRequest(9), new UpdateRequest(9, Extensions.of("x", new byte[] {5})));
  }

  @Test
  void negativeRequestIdsRoundTripAsTenByteVarints() throws Exception {
    GraphsyncMessage message = GraphsyncMessage.ofRequests(new CancelRequest(-5));
    byte[] body = GraphsyncMessageCodec.encode(message);
    assertThat(HEX.formatHex(body)).isEqualTo("120d08fbffffffffffffffff013001");
    assertThat(GraphsyncMessageCodec.decode(body)).isEqualTo(message);
  }

  @Test
  void repeatedExtensionKeyKeepsTheLastValue() throws Exception {
    ProtobufWriter response =
        new ProtobufWriter(16)
            .int32Field(2, 20)
            .messageField(
                3, new ProtobufWriter(8).stringField(1, "k").bytesField(2, new byte[] {1}))
            .messageField(
                3, new ProtobufWriter(8).stringField(1, "k").bytesField(2, new byte[] {2}));
    byte[] body = new ProtobufWriter(32).messageField(3, response).toByteArray();

    assertThat(GraphsyncMessageCodec.decode(body).responses().get(0).extensions().get("k"))
        .hasValue(new byte[] {2});
  }

  @Test
  void emptyBlockDataIsOmittedAndReadBack() throws Exception {
    Block empty = Block.of(Multicodec.RAW, new byte[0]);
    GraphsyncMessage message = new GraphsyncMessage(List.of(), List.of(), List.of(empty));
    byte[] body = GraphsyncMessageCodec.encode(message);
    assertThat(HEX.formatHex(body)).isEqualTo("2206" + "0a0401551220");
    assertThat(GraphsyncMessageCodec.decode(body).blocks()).containsExactly(empty);
  }

  @Test
  void malformedMessagesAreRejectedAsAWhole() {
    assertMalformed("1a021063", "unknown status code 99");
    assertMalformed("12020801", "has no root");
    assertMalformed("1209" + "0802" + "12020102" + "1a01a0", "root is not a CID");
    assertMalformed("1205" + "0802" + "1a01ff", "has no root");
    assertMalformed("1801", "wire type 0, expected 2");
    assertMalformed("1202" + "1001", "wire type 0, expected 2");
    assertMalformed("2204" + "0a02" + "0155", "malformed block prefix");
    assertMalformed("2206" + "0a04" + "0155a0e4", "malformed block prefix");
    assertMalformed("12", "truncated varint");
  }

  @Test
  void blockWithAnUnsupportedHashRejectsTheMessage() {
    String blake2bPrefix = "0171a0e40220";
    assertMalformed("2208" + "0a06" + blake2bPrefix, "unsupported hash function");
  }

  @Test
  void messageOverTheSizeLimitIsRejectedBeforeParsing() {
    assertThatThrownBy(
            () ->
                GraphsyncMessageCodec.decode(new byte[GraphsyncMessageCodec.MAX_MESSAGE_BYTES + 1]))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining("over the limit");
  }

  private static void assertMalformed(String bodyHex, String problem) {
    assertThatThrownBy(() -> GraphsyncMessageCodec.decode(HEX.parseHex(bodyHex)))
        .isInstanceOf(MalformedMessageException.class)
        .hasMessageContaining(problem);
  }
}
