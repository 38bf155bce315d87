package io.dt4j.benchmarks.suite;

import io.dt4j.ipld.Block;
import io.dt4j.ipld.car.CarWriter;
import io.dt4j.ipld.unixfs.ImportOptions;
import io.dt4j.ipld.unixfs.ImportResult;
import io.dt4j.ipld.unixfs.UnixFsImporter;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * dt4j's side of the UnixFS import comparison (a child JVM of the suite): does what the JS
 * reference {@code car-pack.mjs} does, with its defaults (ipfs-car: 1 MiB chunks, raw leaves,
 * CIDv1, 1024 links), and times it the same way: chunk and hash the file into blocks held in
 * memory, then write them to a CARv1 with the root in its header. Prints the MB/s and the root.
 *
 * <pre>ImportProbe IN_FILE OUT.car</pre>
 */
public final class ImportProbe {
  private ImportProbe() {}

  public static void main(String[] args) throws Exception {
    Path in = Path.of(args[0]);
    Path car = Path.of(args[1]);
    long start = System.nanoTime();
    List<Block> blocks = new ArrayList<>();
    ImportResult result;
    try (InputStream input = Files.newInputStream(in)) {
      result = UnixFsImporter.importFile(input, ImportOptions.IPFS_CAR, blocks::add);
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(car), 1 << 20);
        CarWriter writer = new CarWriter(out, List.of(result.root()))) {
      for (Block block : blocks) {
        writer.put(block);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.println(Probe.figure(FigureNames.IMPORT, "MB/s", result.fileSize() / seconds / 1e6));
    System.out.println(Probe.info("root", result.root().toString()));
  }
}
