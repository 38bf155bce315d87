package io.dt4j.ipld.car;

import static io.dt4j.ipld.car.CarBytes.raw;
import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Multihash;
import io.dt4j.ipld.Node;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class CarRoundTripTest {
  private static final Block HELLO = raw("hello");
  private static final Block WORLD = raw("world");
  private static final Block LINKING =
      Block.of(
          Multicodec.DAG_CBOR,
          DagCbor.encodeCanonical(Node.map().put("next", Node.link(HELLO.cid())).build()));
  private static final Block V0 =
      new Block(Cid.v0(Multihash.sha256(new byte[] {8, 2})), new byte[] {8, 2});

  @Test
  void writtenCarReadsBackWithTheSameHeaderAndBlocksInOrder() throws IOException {
    List<Block> blocks = List.of(LINKING, HELLO, V0, WORLD, HELLO);
    byte[] car = CarBytes.write(List.of(LINKING.cid(), WORLD.cid()), blocks);

    try (CarReader reader = CarReader.open(new ByteArrayInputStream(car))) {
      assertThat(reader.carVersion()).isEqualTo(1);
      assertThat(reader.header()).isEqualTo(CarHeader.of(List.of(LINKING.cid(), WORLD.cid())));
      assertThat(CarBytes.drain(reader)).containsExactlyElementsOf(blocks);
      assertThat(reader.next()).isEmpty();
      assertThat(reader.offset()).isEqualTo(car.length);
    }
  }

  @Test
  void writerOutputEqualsACarBuiltByHandFromTheSpec() throws IOException {
    byte[] byHand =
        CarBytes.withRoots(LINKING.cid()).section(LINKING).section(HELLO).section(V0).toBytes();

    assertThat(CarBytes.write(List.of(LINKING.cid()), List.of(LINKING, HELLO, V0)))
        .isEqualTo(byHand);
  }

  @Test
  void headerIsCanonicalRootsThenVersionAsInTheSpecVector() {
    // graphsync spec §8.5: 3a (58) a2 65 "roots" 81 d82a 5825 00 cid 67 "version" 01
    Cid root = Cid.parse("bafkreicysg23kiwv34eg2d7qweipxwosdo2py4ldv42nbauguluen5v6am");
    byte[] header = CarHeader.of(List.of(root)).toDagCbor();

    String hex = HexFormat.of().formatHex(header);
    assertThat(header).hasSize(58);
    assertThat(hex)
        .startsWith("a265726f6f747381d82a58250001551220")
        .endsWith("be036776657273696f6e01");
    assertThat(CarHeader.fromDagCbor(header).roots()).containsExactly(root);
  }

  @Test
  void carWithNoRootsAndNoBlocksRoundTrips() throws IOException {
    byte[] car = CarBytes.write(List.of(), List.of());

    assertThat(car).isEqualTo(CarBytes.withRoots().toBytes());
    try (CarReader reader = CarReader.open(new ByteArrayInputStream(car))) {
      assertThat(reader.header().roots()).isEmpty();
      assertThat(reader.next()).isEmpty();
    }
  }

  @Test
  void writerCountsBlocksAndBytes() throws IOException {
    var out = new java.io.ByteArrayOutputStream();
    try (CarWriter writer = new CarWriter(out, List.of(HELLO.cid()))) {
      writer.put(HELLO);
      writer.put(WORLD);
      writer.flush();
      assertThat(writer.blocksWritten()).isEqualTo(2);
      assertThat(writer.bytesWritten()).isEqualTo(out.size());
    }
  }

  @Test
  void verificationCanBeTurnedOffToReadUnverifiableHashes() throws IOException {
    Block blake =
        new Block(
            Cid.v1(Multicodec.RAW, Multihash.of(Multicodec.BLAKE2B_256, new byte[32])),
            new byte[] {1});
    byte[] car = CarBytes.write(List.of(blake.cid()), List.of(blake));

    try (CarReader reader =
        CarReader.open(new ByteArrayInputStream(car), new CarReader.Options(false, 1024))) {
      assertThat(reader.next()).contains(blake);
    }
  }
}
