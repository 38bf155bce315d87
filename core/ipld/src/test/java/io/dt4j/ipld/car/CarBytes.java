package io.dt4j.ipld.car;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.DagCbor;
import io.dt4j.ipld.Multicodec;
import io.dt4j.ipld.Node;
import io.dt4j.ipld.Varint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Test fixture: CAR bytes assembled by hand from the spec, independent of {@link CarWriter}. */
final class CarBytes {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** Starts a CAR with a header built from the spec: canonical {"roots": [...], "version": 1}. */
  static CarBytes withRoots(Cid... roots) {
    List<Node> links = new ArrayList<>();
    for (Cid root : roots) {
      links.add(Node.link(root));
    }
    Node header =
        Node.map().put("version", Node.of(1)).put("roots", new Node.ListNode(links)).build();
    return new CarBytes().frame(DagCbor.encodeCanonical(header));
  }

  static Block raw(String text) {
    return Block.of(Multicodec.RAW, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Appends {@code varint(len) · bytes}. */
  CarBytes frame(byte[] bytes) {
    out.writeBytes(Varint.encode(bytes.length));
    out.writeBytes(bytes);
    return this;
  }

  /** Appends a section {@code varint(len(cid) + len(data)) · cid · data}. */
  CarBytes section(Block block) {
    ByteArrayOutputStream section = new ByteArrayOutputStream();
    section.writeBytes(block.cid().toBytes());
    section.writeBytes(block.data());
    return frame(section.toByteArray());
  }

  /** Appends arbitrary bytes. */
  CarBytes raw(byte[] bytes) {
    out.writeBytes(bytes);
    return this;
  }

  int length() {
    return out.size();
  }

  byte[] toBytes() {
    return out.toByteArray();
  }

  /** Wraps a CARv1 payload in a CARv2: pragma, 40-byte header, padding, payload, padding, index. */
  static byte[] wrapInV2(byte[] v1, int paddingBefore, byte[] index) {
    long dataOffset = 11 + 40 + paddingBefore;
    long indexOffset = dataOffset + v1.length + 3;
    ByteBuffer file =
        ByteBuffer.allocate((int) indexOffset + index.length).order(ByteOrder.LITTLE_ENDIAN);
    file.put(new byte[] {0x0a, (byte) 0xa1, 0x67, 'v', 'e', 'r', 's', 'i', 'o', 'n', 0x02});
    file.put(new byte[16]); // characteristics: not fully indexed
    file.putLong(dataOffset).putLong(v1.length).putLong(indexOffset);
    file.put(new byte[paddingBefore]).put(v1).put(new byte[3]).put(index);
    return file.array();
  }

  /** Reads every block of a CAR with default options. */
  static List<Block> readAll(byte[] car) throws IOException {
    try (CarReader reader = CarReader.open(new ByteArrayInputStream(car))) {
      return drain(reader);
    }
  }

  static List<Block> drain(CarReader reader) throws IOException {
    List<Block> blocks = new ArrayList<>();
    for (Optional<Block> block = reader.next(); block.isPresent(); block = reader.next()) {
      blocks.add(block.get());
    }
    return blocks;
  }

  /** Writes blocks with {@link CarWriter}. */
  static byte[] write(List<Cid> roots, List<Block> blocks) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CarWriter writer = new CarWriter(out, roots)) {
      for (Block block : blocks) {
        writer.put(block);
      }
    }
    return out.toByteArray();
  }
}
