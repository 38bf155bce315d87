package io.dt4j.daemon;

import io.dt4j.ipld.BlockLoader;
import io.dt4j.ipld.Cid;
import io.dt4j.ipld.unixfs.UnixFsExporter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.UnaryOperator;

/**
 * Writes a UnixFS file's bytes to a path: into a temporary file beside it, moved into place only
 * when complete, so a failed export never leaves a partial file under the name.
 */
public final class FileExport {
  private FileExport() {}

  /**
   * Exports a file.
   *
   * @param root the file's root CID
   * @param loader where its blocks are read
   * @param target the output path; its folder is created
   * @param wrap wraps the output stream, e.g. to count bytes for a progress bar
   * @return the bytes written
   * @throws IOException if writing fails
   * @throws io.dt4j.ipld.unixfs.BlockNotFoundException if a block is missing
   */
  public static long write(
      Cid root, BlockLoader loader, Path target, UnaryOperator<OutputStream> wrap)
      throws IOException {
    Path absolute = target.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path temp =
        Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + "-", ".tmp");
    try {
      long bytes;
      try (OutputStream out = wrap.apply(Files.newOutputStream(temp))) {
        bytes = UnixFsExporter.exportFile(root, loader, out);
      }
      Files.move(
          temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return bytes;
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
