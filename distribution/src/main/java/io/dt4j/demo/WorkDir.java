package io.dt4j.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folder a demo run works in: the nodes' homes, the source and the received file. A temporary
 * folder is deleted on {@link #close()}; a folder given with {@code --keep} stays.
 */
final class WorkDir implements AutoCloseable {
  private final Path dir;
  private final boolean kept;

  private WorkDir(Path dir, boolean kept) {
    this.dir = dir;
    this.kept = kept;
  }

  /**
   * The given folder (created if absent; it must be empty), or a new temporary one.
   *
   * @param keep the folder to keep, or empty
   * @return the work folder
   * @throws IOException if it cannot be created
   * @throws WorkDirNotEmptyException if the folder to keep already holds files
   */
  static WorkDir of(Optional<Path> keep) throws IOException {
    if (keep.isEmpty()) {
      return new WorkDir(Files.createTempDirectory("dt4j-demo-"), false);
    }
    Path dir = keep.get().toAbsolutePath().normalize();
    Files.createDirectories(dir);
    try (Stream<Path> entries = Files.list(dir)) {
      if (entries.findAny().isPresent()) {
        throw new WorkDirNotEmptyException(dir);
      }
    }
    return new WorkDir(dir, true);
  }

  /** Returns the folder. */
  Path path() {
    return dir;
  }

  /** Returns the folder if it is kept, else empty. */
  Optional<Path> kept() {
    return kept ? Optional.of(dir) : Optional.empty();
  }

  /** Deletes a temporary folder with all it holds. */
  @Override
  public void close() {
    if (kept) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the demo folder " + dir, e);
    }
  }
}
