package io.dt4j.core.channels.store;

import java.util.HashMap;
import org.h2.mvstore.SingleFileStore;

/**
 * MVStore's single-file store whose flushes to the disk follow {@link
 * MvStoreChannelStore.Options#fsync()}: with fsync on, every flush MVStore asks for happens; with
 * it off, none does.
 *
 * <p>Why: MVStore (h2-mvstore 2.4.240) forces the file on its own whenever a commit writes a chunk
 * into reused space while the file's tail is free ({@code RandomAccessStore.writeChunk ->
 * shrinkStoreIfPossible -> sync}, then truncate). With one commit per block moved and a retention
 * time of 0 that happened every hundred commits or so, 30-80 ms each on a real disk, inside the
 * channel's ordered executor: the transfer stalled. A flush only matters for a power loss or kernel
 * crash; a killed process loses nothing the operating system's file cache already holds, and the
 * cache keeps the order of our writes and truncations. Without fsync the store promises no more
 * than surviving a killed process, so skipping these flushes keeps every promise; with fsync the
 * store still flushes wherever MVStore does.
 */
final class ForcedOnRequestFileStore extends SingleFileStore {
  private final boolean fsync;

  /**
   * Opens the file for writing.
   *
   * @param fileName the store file
   * @param fsync whether the flushes MVStore asks for go to the disk
   */
  ForcedOnRequestFileStore(String fileName, boolean fsync) {
    super(new HashMap<>());
    this.fsync = fsync;
    open(fileName, false, null);
  }

  @Override
  public void sync() {
    if (fsync) {
      super.sync();
    }
  }
}
