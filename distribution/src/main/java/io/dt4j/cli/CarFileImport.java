package io.dt4j.cli;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.Varint;
import io.dt4j.ipld.car.CarHeader;
import io.dt4j.ipld.car.CarWriter;
import io.dt4j.ipld.dagpb.DagPb;
import io.dt4j.ipld.unixfs.ImportOptions;
import io.dt4j.ipld.unixfs.ImportResult;
import io.dt4j.ipld.unixfs.UnixFsImporter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Imports a file straight into a CARv1 file with the root in its header, in one pass, as ipfs-car
 * does: the root is known only at the end, so the header first holds a placeholder root of the
 * length the root will have (a dag-pb CID of the profile's version: 34 bytes for v0, 36 for v1) and
 * is overwritten in place at the end. The one case where the length differs (raw leaves with CIDv0
 * and a file of one chunk, whose root is a CIDv1 raw block) is rewritten with a new header; such a
 * file is at most one chunk, so the copy is small.
 *
 * <p>Blocks are written in the importer's order, each CID once (the importer repeats identical
 * chunks), which gives the same bytes as ipfs-car. The CAR is built in a temporary file beside the
 * output and moved into place only when complete.
 */
final class CarFileImport {
  private CarFileImport() {}

  /** What was imported, and how many distinct blocks and bytes the CAR holds. */
  record Result(ImportResult dag, long carBlocks, long carBytes) {}

  static Result importFile(InputStream in, ImportOptions options, Path car) throws IOException {
    Path dir = car.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path temp = Files.createTempFile(dir, "." + car.getFileName() + "-", ".tmp");
    try {
      Cid placeholder = DagPb.cid(new byte[0], options.cidVersion());
      ImportResult dag;
      long blocks;
      try (CarWriter writer = new CarWriter(Files.newOutputStream(temp), List.of(placeholder))) {
        Set<Cid> written = new HashSet<>();
        try {
          dag =
              UnixFsImporter.importFile(
                  in,
                  options,
                  block -> {
                    if (written.add(block.cid())) {
                      put(writer, block);
                    }
                  });
        } catch (UncheckedIOException e) {
          throw e.getCause();
        }
        blocks = writer.blocksWritten();
      }
      setRoot(temp, placeholder, dag.root());
      Files.move(temp, car, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return new Result(dag, blocks, Files.size(car));
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void put(CarWriter writer, Block block) {
    try {
      writer.put(block);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The header frame: {@code varint(length) · DAG-CBOR header}. */
  static byte[] headerFrame(Cid root) {
    byte[] header = CarHeader.of(List.of(root)).toDagCbor();
    byte[] length = Varint.encode(header.length);
    return ByteBuffer.allocate(length.length + header.length).put(length).put(header).array();
  }

  private static void setRoot(Path car, Cid placeholder, Cid root) throws IOException {
    byte[] old = headerFrame(placeholder);
    byte[] frame = headerFrame(root);
    if (frame.length == old.length) {
      try (FileChannel channel = FileChannel.open(car, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(frame), 0);
      }
      return;
    }
    Path copy = Files.createTempFile(car.getParent(), car.getFileName() + "-", ".tmp");
    try (FileChannel from = FileChannel.open(car, StandardOpenOption.READ);
        FileChannel to = FileChannel.open(copy, StandardOpenOption.WRITE)) {
      to.write(ByteBuffer.wrap(frame));
      long position = old.length;
      long size = from.size();
      while (position < size) {
        position += from.transferTo(position, size - position, to);
      }
    } catch (IOException e) {
      Files.deleteIfExists(copy);
      throw e;
    }
    Files.move(copy, car, StandardCopyOption.REPLACE_EXISTING);
  }
}
