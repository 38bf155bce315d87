package io.dt4j.ipld.car;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.Blockstore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Imports a CAR into a {@link Blockstore} all or nothing with respect to verification: nothing is
 * put until every section of the CAR has parsed and every block has hashed to its CID.
 *
 * <p>To get there without holding the CAR in memory, the first pass reads and verifies the CAR
 * while copying its blocks to a temporary CARv1 in a directory the caller chooses; only when that
 * pass reaches the end cleanly does the second pass read the private copy and put its blocks. The
 * copy is deleted in every case. A CARv2 is staged as its inner CARv1 (the index is dropped).
 *
 * <p>A failure of the target store itself during the second pass leaves the blocks put so far in
 * place; each of them was verified, so the store never holds a block that does not match its CID.
 */
public final class VerifiedCarImport {
  private VerifiedCarImport() {}

  /**
   * Imports a CAR file.
   *
   * @param car the CARv1 or CARv2 file
   * @param target the store to fill
   * @param tempDir where the staging copy goes; needs free space about the size of the CAR
   * @return the roots and counts
   * @throws CarFormatException if the CAR is malformed or a block fails verification; nothing was
   *     put
   * @throws IOException if reading the CAR or writing the staging copy fails; nothing was put
   */
  public static CarImportResult importCar(Path car, Blockstore target, Path tempDir)
      throws IOException {
    try (InputStream in = Files.newInputStream(car)) {
      return importCar(in, target, tempDir);
    }
  }

  /**
   * Imports a CAR read from a stream, e.g. from the network. The stream is read to the end of the
   * CAR and closed.
   *
   * @param in the CARv1 or CARv2 bytes
   * @param target the store to fill
   * @param tempDir where the staging copy goes; needs free space about the size of the CAR
   * @return the roots and counts
   * @throws CarFormatException if the CAR is malformed or a block fails verification; nothing was
   *     put
   * @throws IOException if reading the CAR or writing the staging copy fails; nothing was put
   */
  public static CarImportResult importCar(InputStream in, Blockstore target, Path tempDir)
      throws IOException {
    Path staging = Files.createTempFile(tempDir, "car-import-", ".car");
    try {
      stage(in, staging);
      return putAll(staging, target);
    } finally {
      Files.deleteIfExists(staging);
    }
  }

  /** Pass one: parse and verify everything, copying the blocks to the staging file. */
  private static void stage(InputStream in, Path staging) throws IOException {
    try (CarReader reader = CarReader.open(in);
        OutputStream out = Files.newOutputStream(staging);
        CarWriter writer = new CarWriter(out, reader.header().roots())) {
      for (Optional<Block> block = reader.next(); block.isPresent(); block = reader.next()) {
        writer.put(block.get());
      }
    }
  }

  /** Pass two: put the verified blocks. They are re-verified, which also catches a bad disk. */
  private static CarImportResult putAll(Path staging, Blockstore target) throws IOException {
    long blocks = 0;
    long bytes = 0;
    try (CarReader reader = CarReader.open(Files.newInputStream(staging))) {
      for (Optional<Block> block = reader.next(); block.isPresent(); block = reader.next()) {
        target.put(block.get());
        blocks++;
        bytes += block.get().size();
      }
      return new CarImportResult(reader.header().roots(), blocks, bytes);
    }
  }
}
