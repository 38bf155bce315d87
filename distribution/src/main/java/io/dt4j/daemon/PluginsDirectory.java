package io.dt4j.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The plugins folder's permissions. A plugin jar runs with the daemon's rights, so a folder that
 * other users may write to lets them run code as the daemon: the daemon warns at start (it still
 * starts, as the folder may be shared on purpose).
 */
public final class PluginsDirectory {
  private PluginsDirectory() {}

  /**
   * Tells whether users other than the owner may add or replace plugins in the folder.
   *
   * @param dir the plugins folder, existing
   * @return a warning naming the folder, who may write, and the fix; empty if only the owner may
   *     write, or the file system has no POSIX permissions or cannot tell
   */
  public static Optional<String> writableByOthers(Path dir) {
    Set<PosixFilePermission> mode;
    try {
      if (!Files.getFileStore(dir).supportsFileAttributeView("posix")) {
        return Optional.empty();
      }
      mode = Files.getPosixFilePermissions(dir);
    } catch (IOException e) {
      return Optional.empty();
    }
    List<String> writers = new ArrayList<>();
    if (mode.contains(PosixFilePermission.GROUP_WRITE)) {
      writers.add("its group");
    }
    if (mode.contains(PosixFilePermission.OTHERS_WRITE)) {
      writers.add("all users");
    }
    if (writers.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        "the plugins directory "
            + dir
            + " is writable by "
            + String.join(" and ", writers)
            + " (mode "
            + PosixFilePermissions.toString(mode)
            + "): whoever can write there can run code in this daemon; run 'chmod go-w "
            + dir
            + "' unless that is intended");
  }
}
