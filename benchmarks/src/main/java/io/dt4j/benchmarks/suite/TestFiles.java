package io.dt4j.benchmarks.suite;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/** The generated input files of the suite, and cleaning up work folders. */
final class TestFiles {
  private TestFiles() {}

  /**
   * Returns {@code dir/random-<size>.bin}, {@code size} pseudo-random (incompressible, seeded)
   * bytes, written once and reused by later steps and runs.
   */
  static Path random(Path dir, long size) throws IOException {
    Path file = dir.resolve("random-" + size + ".bin");
    if (Files.exists(file) && Files.size(file) == size) {
      return file;
    }
    Files.createDirectories(dir);
    Path partial = dir.resolve("random-" + size + ".partial");
    SplittableRandom random = new SplittableRandom(size);
    byte[] buffer = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(partial)) {
      for (long left = size; left > 0; left -= buffer.length) {
        for (int i = 0; i < buffer.length; i += 8) {
          long value = random.nextLong();
          for (int b = 0; b < 8; b++) {
            buffer[i + b] = (byte) (value >>> (8 * b));
          }
        }
        out.write(buffer, 0, (int) Math.min(left, buffer.length));
      }
    }
    return Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** Deletes a folder and everything in it, if it exists. */
  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
