package io.dt4j.core.channels.store;

import io.dt4j.api.ChannelId;
import io.dt4j.core.channels.ChannelRecord;
import io.dt4j.core.channels.ChannelStore;
import io.dt4j.core.channels.ChannelStoreException;
import io.dt4j.core.channels.CidSet;
import io.dt4j.core.channels.StoreProblem;
import io.dt4j.ipld.Cid;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVStore;

/**
 * The embedded default {@link ChannelStore}: one H2 MVStore file, {@code <dataDir>/channels.mv.db}.
 *
 * <p><b>Layout.</b> Records are {@link ChannelRecordCodec} bytes keyed by the channel id's text.
 * Each channel gets a number when first saved; its CID sets live in a separate map, one key per CID
 * ({@link CidKeys}: number, set code, CID), and a counter per set is updated in the same commit as
 * the CID, so {@link #count} is one lookup however large the set.
 *
 * <p><b>Atomicity.</b> MVStore's {@code commit()} persists every change made to any map since the
 * last commit, whoever made it. Each write therefore puts its changes and commits while holding one
 * lock, so no other channel's half-done write can be part of its commit. Writes of different
 * channels thus take turns; one commit costs little more than one small file write (see the
 * measurements in the package's benchmark), which is far above the rate a data-transfer node
 * produces transitions. A write that fails is rolled back before the lock is released.
 *
 * <p><b>Durability.</b> A write returns after {@code commit()}: the new chunk is in the operating
 * system's file cache and survives the process being killed. It survives a power loss or kernel
 * crash only with {@link Options#fsync()} (an {@code fsync} per write), which is off by default.
 *
 * <p><b>Opening.</b> Records that do not decode are skipped and listed in {@link #problems()} with
 * their channel id; a damaged file is recovered as far as it reads ({@link StoreFile}).
 * Thread-safe.
 */
public final class MvStoreChannelStore implements ChannelStore {
  /** The store's file name in the data directory. */
  public static final String FILE_NAME = "channels.mv.db";

  /**
   * How the store writes.
   *
   * @param fsync whether each write also forces the file to the disk (survives power loss, much
   *     slower); off by default: a write then survives a killed process, not a lost machine
   */
  public record Options(boolean fsync) {
    /** The defaults: no fsync. */
    public static final Options DEFAULT = new Options(false);
  }

  private final MVStore store;
  private final ChannelMaps maps;
  private final Options options;
  private final List<StoreProblem> problems;
  private final Map<String, ChannelRecord> records = new ConcurrentSkipListMap<>();
  private final ReentrantLock writeLock = new ReentrantLock();
  private long nextChannelNumber;
  private volatile boolean closed;

  private MvStoreChannelStore(StoreFile.Opened opened, Options options) {
    this.store = opened.store();
    this.maps = ChannelMaps.open(store);
    this.options = options;
    List<StoreProblem> found = new ArrayList<>(opened.problems());
    maps.records().forEach((key, bytes) -> load(key, bytes, found));
    this.problems = List.copyOf(found);
    this.nextChannelNumber = maps.nextChannelNumber();
  }

  /**
   * Opens the store in a data directory, creating the directory and the file if needed.
   *
   * @param dataDir the node's data directory
   * @param options how to write
   * @return the store; what could not be read is in {@link #problems()}
   * @throws ChannelStoreException if the directory or file cannot be used at all
   */
  public static MvStoreChannelStore open(Path dataDir, Options options) {
    try {
      Files.createDirectories(dataDir);
    } catch (java.io.IOException e) {
      throw new ChannelStoreException("cannot create data directory " + dataDir + ": " + e, e);
    }
    return new MvStoreChannelStore(StoreFile.open(dataDir.resolve(FILE_NAME)), options);
  }

  private void load(String key, byte[] bytes, List<StoreProblem> found) {
    Optional<ChannelId> channelId = Optional.empty();
    try {
      channelId = Optional.of(ChannelId.parse(key));
      ChannelRecord record = ChannelRecordCodec.decode(bytes);
      if (!record.channelId().equals(channelId.get())) {
        throw new MalformedChannelRecordException(
            "initiator", "record of channel " + record.channelId() + " stored under " + key);
      }
      records.put(key, record);
    } catch (IllegalArgumentException | ChannelStoreException e) {
      String what = "record skipped: " + e.getMessage();
      found.add(new StoreProblem(channelId, channelId.isPresent() ? what : key + ": " + what));
    }
  }

  @Override
  public void save(ChannelRecord record) {
    write(record, () -> channelNumber(record.channelId()));
  }

  @Override
  public void save(ChannelRecord record, CidSet set, Cid cid) {
    write(
        record,
        () -> {
          long number = channelNumber(record.channelId());
          if (maps.cids().putIfAbsent(CidKeys.key(number, set, cid), ChannelMaps.PRESENT) != null) {
            throw new ChannelStoreException(
                "CID " + cid + " is already in " + set + " of channel " + record.channelId());
          }
          maps.counts().merge(CidKeys.prefix(number, set), 1L, Long::sum);
        });
  }

  /** Puts the record and the other changes, then commits, all under the write lock. */
  private void write(ChannelRecord record, Runnable otherChanges) {
    String key = record.channelId().toString();
    byte[] bytes = ChannelRecordCodec.encode(record);
    writeLock.lock();
    try {
      ensureOpen();
      long numberBefore = nextChannelNumber;
      try {
        otherChanges.run();
        maps.records().put(key, bytes);
        commit();
      } catch (RuntimeException e) {
        nextChannelNumber = numberBefore;
        store.rollback();
        throw failure("cannot save channel " + key, e);
      }
      records.put(key, record);
    } finally {
      writeLock.unlock();
    }
  }

  private void commit() {
    store.commit();
    if (options.fsync()) {
      store.sync();
    }
  }

  /** Returns the channel's number, assigning the next one if it has none. Under the write lock. */
  private long channelNumber(ChannelId channelId) {
    String key = channelId.toString();
    Long number = maps.channelNumbers().get(key);
    if (number == null) {
      number = nextChannelNumber++;
      maps.channelNumbers().put(key, number);
    }
    return number;
  }

  @Override
  public Optional<ChannelRecord> get(ChannelId channelId) {
    ensureOpen();
    return Optional.ofNullable(records.get(channelId.toString()));
  }

  @Override
  public List<ChannelRecord> all() {
    ensureOpen();
    return List.copyOf(records.values());
  }

  @Override
  public boolean contains(ChannelId channelId, CidSet set, Cid cid) {
    ensureOpen();
    Long number = maps.channelNumbers().get(channelId.toString());
    return number != null && maps.cids().containsKey(CidKeys.key(number, set, cid));
  }

  @Override
  public long count(ChannelId channelId, CidSet set) {
    ensureOpen();
    Long number = maps.channelNumbers().get(channelId.toString());
    Long count = number == null ? null : maps.counts().get(CidKeys.prefix(number, set));
    return count == null ? 0 : count;
  }

  /** Streams the set in the order of the CIDs' binary form (insertion order is not kept). */
  @Override
  public void forEach(ChannelId channelId, CidSet set, Consumer<Cid> action) {
    ensureOpen();
    Long number = maps.channelNumbers().get(channelId.toString());
    if (number == null) {
      return;
    }
    byte[] prefix = CidKeys.prefix(number, set);
    Cursor<byte[], byte[]> cursor = maps.cids().cursor(prefix);
    while (cursor.hasNext()) {
      byte[] key = cursor.next();
      if (!CidKeys.hasPrefix(key, prefix)) {
        return;
      }
      action.accept(CidKeys.cid(key));
    }
  }

  /** Deletes the three sets in one commit (all their keys are rewritten in memory first). */
  @Override
  public void deleteCidSets(ChannelId channelId) {
    String key = channelId.toString();
    writeLock.lock();
    try {
      ensureOpen();
      Long number = maps.channelNumbers().get(key);
      if (number == null) {
        return;
      }
      try {
        for (CidSet set : CidSet.values()) {
          deleteSet(CidKeys.prefix(number, set));
        }
        commit();
      } catch (RuntimeException e) {
        store.rollback();
        throw failure("cannot delete the CID sets of channel " + key, e);
      }
    } finally {
      writeLock.unlock();
    }
  }

  private void deleteSet(byte[] prefix) {
    byte[] next = maps.cids().ceilingKey(prefix);
    while (next != null && CidKeys.hasPrefix(next, prefix)) {
      maps.cids().remove(next);
      next = maps.cids().higherKey(next);
    }
    maps.counts().remove(prefix);
  }

  @Override
  public List<StoreProblem> problems() {
    return problems;
  }

  @Override
  public void close() {
    writeLock.lock();
    try {
      if (!closed) {
        closed = true;
        store.close();
      }
    } finally {
      writeLock.unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new ChannelStoreException("the channel store is closed");
    }
  }

  private static ChannelStoreException failure(String what, RuntimeException e) {
    return e instanceof ChannelStoreException known
        ? known
        : new ChannelStoreException(what + ": " + e.getMessage(), e);
  }
}
