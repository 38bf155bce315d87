package io.dt4j.reliability.fuzz;

import io.dt4j.graphsync.extensions.DedupKey;
import io.dt4j.graphsync.extensions.DoNotSendCids;
import io.dt4j.graphsync.extensions.DoNotSendFirstBlocks;
import io.dt4j.graphsync.extensions.LinkMetadata;
import io.dt4j.graphsync.extensions.ResponseMetadata;
import io.dt4j.graphsync.message.BlockPrefix;
import io.dt4j.graphsync.message.CancelRequest;
import io.dt4j.graphsync.message.Extensions;
import io.dt4j.graphsync.message.GraphsyncMessage;
import io.dt4j.graphsync.message.GraphsyncMessageCodec;
import io.dt4j.graphsync.message.GraphsyncResponse;
import io.dt4j.graphsync.message.NewRequest;
import io.dt4j.graphsync.message.ResponseStatusCode;
import io.dt4j.graphsync.message.UpdateRequest;
import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Node;
import io.dt4j.ipld.Selectors;
import io.dt4j.ipld.car.CarWriter;
import io.dt4j.ipld.dagpb.DagPb;
import io.dt4j.ipld.dagpb.PbLink;
import io.dt4j.ipld.dagpb.PbNode;
import io.dt4j.ipld.protobuf.FrameDecoder;
import io.dt4j.ipld.unixfs.UnixFsData;
import io.dt4j.libp2p.crypto.Ed25519PrivKey;
import io.dt4j.libp2p.multiaddr.Multiaddr;
import io.dt4j.libp2p.noise.NoiseHandshakePayload;
import io.dt4j.libp2p.protocols.IdentifyMessage;
import io.dt4j.testing.SpecDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Valid inputs the fuzzer starts from, one {@code @MethodSource} per decoder: made with dt4j's own
 * encoders, or read from the golden vectors of {@code shared/spec/vectors}. Jazzer mutates them.
 */
final class FuzzSeeds {
  private static final Block RAW =
      Block.of(Multicodec.RAW, "hello".getBytes(StandardCharsets.UTF_8));
  private static final Block CBOR =
      Block.of(Multicodec.DAG_CBOR, DagCbor.encode(sampleNode(RAW.cid())));

  private FuzzSeeds() {}

  static Stream<byte[]> dagCbor() {
    return Stream.of(CBOR.data(), DagCbor.encode(Selectors.EXPLORE_ALL));
  }

  static Stream<byte[]> selectors() {
    return Stream.of(Selectors.EXPLORE_ALL, Selectors.MATCH_SELF).map(DagCbor::encode);
  }

  static Stream<byte[]> dagPb() {
    PbNode file =
        PbNode.of(
            List.of(PbLink.of(RAW.cid(), "", 5)), UnixFsData.fileParent(List.of(5L)).encode());
    PbNode leaf = PbNode.of(List.of(), UnixFsData.fileLeaf(RAW.data()).encode());
    PbNode directory =
        PbNode.of(List.of(PbLink.of(CBOR.cid(), "a", 9)), UnixFsData.directory().encode());
    return Stream.of(file, leaf, directory).map(DagPb::encode);
  }

  static Stream<byte[]> car() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CarWriter writer = new CarWriter(out, List.of(CBOR.cid()))) {
      writer.put(CBOR);
      writer.put(RAW);
    }
    return Stream.of(out.toByteArray());
  }

  static Stream<byte[]> cids() {
    return Stream.of(RAW.cid(), CBOR.cid(), CBOR.cid().toV1()).map(Cid::toBytes);
  }

  static Stream<byte[]> transferMessages() throws IOException {
    List<byte[]> vectors =
        Files.readAllLines(SpecDocument.sharedDir().resolve("spec/vectors/data-transfer.tsv"))
            .stream()
            .filter(line -> !line.isBlank() && !line.startsWith("#"))
            .map(line -> HexFormat.of().parseHex(line.split("\t", 4)[2].strip()))
            .toList();
    return vectors.stream().map(v -> Chunks.input(16, v));
  }

  static Stream<byte[]> graphsyncMessages() {
    Extensions extensions =
        Extensions.of("fil/data-transfer/1.1", CBOR.data())
            .with("graphsync/do-not-send-cids", DoNotSendCids.encode(List.of(RAW.cid())));
    GraphsyncMessage message =
        new GraphsyncMessage(
            List.of(
                new NewRequest(1, CBOR.cid(), Selectors.EXPLORE_ALL, 0, extensions),
                new UpdateRequest(2, extensions),
                new CancelRequest(3)),
            List.of(new GraphsyncResponse(1, ResponseStatusCode.PARTIAL_RESPONSE, extensions)),
            List.of(RAW, CBOR));
    byte[] body = GraphsyncMessageCodec.encode(message);
    return Stream.of(Chunks.input(64, concat(FrameDecoder.lengthPrefix(body.length), body)));
  }

  static Stream<byte[]> graphsyncExtensions() {
    return Stream.of(
        prefixed(0, ResponseMetadata.encode(List.of(new LinkMetadata(RAW.cid(), true)))),
        prefixed(1, DoNotSendCids.encode(List.of(RAW.cid(), CBOR.cid()))),
        prefixed(2, DedupKey.encode("key")),
        prefixed(3, DoNotSendFirstBlocks.encode(7)),
        prefixed(4, BlockPrefix.of(CBOR.cid()).toBytes()));
  }

  static Stream<byte[]> multistream() {
    return Stream.of(Chunks.input(5, frames("/multistream/1.0.0\n", "ls\n", "na\n")));
  }

  static Stream<byte[]> noise() {
    Ed25519PrivKey key = Ed25519PrivKey.fromSeed(new byte[32]);
    byte[] payload =
        new NoiseHandshakePayload(
                key.publicKey().toProtobuf(), key.sign(new byte[32]), List.of("/yamux/1.0.0"))
            .encode();
    byte[] frame = new byte[payload.length + 2];
    frame[0] = (byte) (payload.length >> 8);
    frame[1] = (byte) payload.length;
    System.arraycopy(payload, 0, frame, 2, payload.length);
    return Stream.of(Chunks.input(32, frame));
  }

  static Stream<byte[]> yamux() {
    HexFormat hex = HexFormat.of();
    byte[] data = hex.parseHex("000000010000000100000003616263"); // DATA, SYN, stream 1, "abc"
    byte[] window = hex.parseHex("000100020000000100010000"); // WINDOW_UPDATE, ACK, 64 KiB
    byte[] ping = hex.parseHex("000200010000000000000007"); // PING, SYN, opaque 7
    byte[] goAway = hex.parseHex("000300000000000000000000"); // GO_AWAY, normal
    return Stream.of(Chunks.input(7, concat(data, window, ping, goAway)));
  }

  static Stream<byte[]> mplex() {
    HexFormat hex = HexFormat.of();
    // NewStream id 1 "s", MessageInitiator id 1 "abc", CloseInitiator id 1, Reset id 2 (receiver)
    return Stream.of(Chunks.input(3, hex.parseHex("080173" + "0a03616263" + "0c00" + "1500")));
  }

  static Stream<byte[]> identify() {
    Ed25519PrivKey key = Ed25519PrivKey.fromSeed(new byte[32]);
    IdentifyMessage message =
        new IdentifyMessage(
            Optional.of(key.publicKey().toProtobuf()),
            List.of(Multiaddr.parse("/ip4/127.0.0.1/tcp/4001")),
            List.of("/ipfs/id/1.0.0", "/fil/datatransfer/1.2.0"),
            Optional.of(Multiaddr.parse("/ip6/::1/tcp/4001")),
            Optional.of("ipfs/0.1.0"),
            Optional.of("dt4j"));
    return Stream.of(message.encodeDelimited());
  }

  private static Node sampleNode(Cid link) {
    return Node.map()
        .put("text", Node.of("hi"))
        .put("int", Node.of(-7))
        .put("bytes", Node.of(new byte[] {1, 2}))
        .put("list", Node.list(Node.of(true), Node.link(link)))
        .build();
  }

  private static byte[] frames(String... lines) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String line : lines) {
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      out.writeBytes(FrameDecoder.lengthPrefix(bytes.length));
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }

  private static byte[] prefixed(int selector, byte[] payload) {
    return concat(new byte[] {(byte) selector}, payload);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
