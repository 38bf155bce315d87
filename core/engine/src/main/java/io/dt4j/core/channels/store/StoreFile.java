package io.dt4j.core.channels.store;

import io.dt4j.core.channels.ChannelStoreException;
import io.dt4j.core.channels.StoreProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * Opens the MVStore file of a channel store, recovering what it can when the file is damaged.
 *
 * <p>MVStore itself survives a killed process: on open it uses the newest chunk that was written
 * completely, so a commit cut short by a kill is simply absent. What it does not report is a file
 * that lost its tail or has a damaged page, so before opening for writing the file is checked
 * read-only:
 *
 * <ul>
 *   <li>a cleanly closed file whose header names a newer version than the newest readable one was
 *       truncated: MVStore silently opens the older version;
 *   <li>the CID-set map's size (kept in its inner pages) must equal the sum of the per-set
 *       counters, which every write updates in the same commit;
 *   <li>the records, channel numbers and counters must read completely.
 * </ul>
 *
 * If a check fails, whatever reads is copied into a new file ({@link Salvage}), the damaged file is
 * kept beside it as {@code channels.mv.db.corrupt-<UTC timestamp>} (never deleted) and every loss
 * is reported as a {@link StoreProblem}. {@code MVStoreTool.repair} of h2-mvstore 2.4.240 is not
 * used: it prints to standard output and failed with a NullPointerException on a damaged header in
 * our tests.
 */
final class StoreFile {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  /**
   * An opened store and what could not be read.
   *
   * @param store the store, writable, autocommit disabled
   * @param problems what was lost, empty for a healthy file
   */
  record Opened(MVStore store, List<StoreProblem> problems) {}

  private StoreFile() {}

  /**
   * Opens or creates the store file, recovering a damaged one.
   *
   * @param file the store file
   * @param fsync whether MVStore's own flushes go to the disk ({@link ForcedOnRequestFileStore})
   */
  static Opened open(Path file, boolean fsync) {
    try {
      if (!Files.exists(file)) {
        return new Opened(openWritable(file, fsync), List.of());
      }
      if (Files.size(file) == 0) {
        Path aside = moveAside(file);
        return new Opened(
            openWritable(file, fsync),
            List.of(
                problem(
                    "store file was empty (0 bytes): no channels loaded, opened as a new store;"
                        + " the empty file was moved to "
                        + aside)));
      }
      List<StoreProblem> problems = new ArrayList<>();
      MVStore damaged = openReadOnly(file, problems);
      if (damaged != null) {
        check(damaged, problems);
      }
      if (problems.isEmpty()) {
        damaged.close();
        return new Opened(openWritable(file, fsync), List.of());
      }
      return new Opened(recover(file, damaged, problems, fsync), List.copyOf(problems));
    } catch (IOException e) {
      throw new ChannelStoreException("cannot open channel store " + file + ": " + e, e);
    }
  }

  /**
   * Opens for writing with autocommit disabled (the store commits when a write returns) and a
   * retention time of 0: MVStore may reuse the space of chunks that no longer hold live data at
   * once. With the default 45 s, a burst of one commit per write grew the file to gigabytes (each
   * commit writes a new chunk of several kilobytes). Reuse is safe against a killed process, as the
   * crash test shows: MVStore only overwrites chunks that the newest committed version does not
   * use, and the operating system keeps the order of our writes. Against power loss the order on
   * disk is only kept with the fsync option, which is why MVStore's own flushes follow it ({@link
   * ForcedOnRequestFileStore}).
   */
  static MVStore openWritable(Path file, boolean fsync) {
    ForcedOnRequestFileStore fileStore = new ForcedOnRequestFileStore(file.toString(), fsync);
    MVStore store;
    try {
      store = new MVStore.Builder().adoptFileStore(fileStore).autoCommitDisabled().open();
    } catch (RuntimeException e) {
      fileStore.close();
      throw e;
    }
    store.setRetentionTime(0);
    return store;
  }

  /** Opens read-only; returns null (with a problem) if even recovery mode cannot read it. */
  private static MVStore openReadOnly(Path file, List<StoreProblem> problems) {
    try {
      return new MVStore.Builder().fileName(file.toString()).readOnly().open();
    } catch (RuntimeException e) {
      refuseIfNotDamage(file, e);
      try {
        MVStore store =
            new MVStore.Builder().fileName(file.toString()).readOnly().recoveryMode().open();
        problems.add(problem("store file damaged (" + e.getMessage() + "); read in recovery mode"));
        return store;
      } catch (RuntimeException again) {
        problems.add(
            problem(
                "store file unreadable ("
                    + e.getMessage()
                    + "): every channel in it is lost, the store starts empty"));
        return null;
      }
    }
  }

  /**
   * A file that another store has open, or that a newer dt4j wrote, is not damaged: it must not be
   * moved aside.
   */
  private static void refuseIfNotDamage(Path file, RuntimeException e) {
    if (e instanceof MVStoreException failure
        && switch (failure.getErrorCode()) {
          case DataUtils.ERROR_FILE_LOCKED,
              DataUtils.ERROR_UNSUPPORTED_FORMAT,
              DataUtils.ERROR_WRITING_FAILED ->
              true;
          default -> false;
        }) {
      throw new ChannelStoreException(
          "cannot open channel store " + file + " (left untouched): " + e.getMessage(), e);
    }
  }

  /** Adds a problem for each sign of damage in a file that MVStore opened. */
  private static void check(MVStore store, List<StoreProblem> problems) {
    Map<String, Object> header = store.getStoreHeader();
    long opened = store.getCurrentVersion();
    Optional<Long> closedAt = cleanVersion(header);
    if (closedAt.isPresent() && closedAt.get() > opened) {
      problems.add(
          problem(
              "store file truncated or damaged: it was closed at version "
                  + closedAt.get()
                  + " but version "
                  + opened
                  + " is the newest readable; every write after it is lost"));
    }
    try {
      ChannelMaps maps = ChannelMaps.open(store);
      maps.records().forEach((key, value) -> {});
      maps.channelNumbers().forEach((key, value) -> {});
      long counted = 0;
      for (Long count : maps.counts().values()) {
        counted += count;
      }
      if (counted != maps.cids().sizeAsLong()) {
        problems.add(
            problem(
                "CID sets damaged: the counters sum to "
                    + counted
                    + " CIDs but the set map holds "
                    + maps.cids().sizeAsLong()));
      }
    } catch (RuntimeException e) {
      problems.add(problem("store file damaged, a map cannot be read: " + e.getMessage()));
    }
  }

  private static Optional<Long> cleanVersion(Map<String, Object> header) {
    Object clean = header.get("clean");
    Object version = header.get("version");
    if (clean == null || version == null || "0".equals(String.valueOf(clean))) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          version instanceof Number number
              ? number.longValue()
              : Long.parseLong(String.valueOf(version), 16));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Copies what reads into a new file, then swaps: damaged file aside, new file in its place. Until
   * the swap the original stays where it was, so a crash during recovery loses nothing.
   */
  private static MVStore recover(
      Path file, MVStore damaged, List<StoreProblem> problems, boolean fsync) throws IOException {
    Path salvageFile = file.resolveSibling(file.getFileName() + ".salvage");
    Files.deleteIfExists(salvageFile); // our own leftover from a recovery that did not finish
    MVStore salvaged = openWritable(salvageFile, true);
    try {
      if (damaged != null) {
        Salvage.copy(ChannelMaps.open(damaged), ChannelMaps.open(salvaged), problems);
        damaged.close();
      }
      salvaged.commit();
      salvaged.sync(); // on the disk before it replaces the damaged file
      salvaged.close();
    } catch (RuntimeException e) {
      salvaged.closeImmediately();
      throw new ChannelStoreException("cannot recover channel store " + file + ": " + e, e);
    }
    Path aside = moveAside(file);
    Files.move(salvageFile, file, StandardCopyOption.ATOMIC_MOVE);
    problems.add(problem("the damaged store file was kept as " + aside));
    return openWritable(file, fsync);
  }

  private static Path moveAside(Path file) throws IOException {
    Path aside =
        file.resolveSibling(file.getFileName() + ".corrupt-" + STAMP.format(Instant.now()));
    return Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
  }

  static StoreProblem problem(String what) {
    return new StoreProblem(Optional.empty(), what);
  }
}
