package io.dt4j.daemon;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock a running daemon holds on its home ({@code <home>/daemon.lock}, which holds the daemon's
 * process id). The operating system releases it when the process ends, however it ends, so a stale
 * file never blocks a new daemon.
 *
 * <p>Locks held by this process are also kept in a table and checked first: closing any other
 * channel on a locked file may release the process's lock on some systems, so this process never
 * opens a file it holds the lock of.
 */
public final class DaemonLock implements AutoCloseable {
  private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private DaemonLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the home's lock and writes this process's id into the file.
   *
   * @param home the home, which must exist
   * @return the lock; close it to release
   * @throws DaemonRunningException if another daemon holds it
   * @throws UncheckedIOException if the file cannot be used
   */
  public static DaemonLock acquire(Dt4jHome home) {
    Path file = home.lockFile();
    if (!HELD_HERE.add(file)) {
      throw new DaemonRunningException(home.home(), Optional.of(ProcessHandle.current().pid()));
    }
    FileChannel channel = null;
    try {
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        channel.close();
        HELD_HERE.remove(file);
        throw new DaemonRunningException(home.home(), pidIn(file));
      }
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
      channel.force(false);
      return new DaemonLock(file, channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      HELD_HERE.remove(file);
      throw new UncheckedIOException("cannot lock " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns whether a daemon holds the home's lock now.
   *
   * @param home the home
   * @return true if a daemon (in this or another process) holds it
   */
  public static boolean isHeld(Dt4jHome home) {
    Path file = home.lockFile();
    if (HELD_HERE.contains(file)) {
      return true;
    }
    if (!Files.exists(file)) {
      return false;
    }
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock lock = tryLock(channel);
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  /** Returns null if another holder has the lock (another process, or this one). */
  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null;
    }
  }

  /** Returns the process id written in a lock file, if it holds one. */
  static Optional<Long> pidIn(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
      return text.matches("\\d{1,19}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Releases the lock; the file stays. */
  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException e) {
      // the channel's close below releases it too
    }
    closeQuietly(channel);
    HELD_HERE.remove(file);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        // nothing left to release
      }
    }
  }
}
