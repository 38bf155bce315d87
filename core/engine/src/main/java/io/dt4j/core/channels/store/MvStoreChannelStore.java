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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
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
 * last commit, whoever made it. So a write puts its changes while holding the write lock, and a
 * commit also holds it: a commit contains whole writes only. The writer then waits until a commit
 * covers its changes; one waiting writer commits for all of them (group commit), so concurrent
 * channels share commits and an fsync. Everything that can refuse a write (a CID already in the
 * set) is checked before the first put; if a put still fails, the store is closed without
 * committing (the last commit stays intact on disk) and must be reopened. MVStore's
 * TransactionStore would give the same isolation at the price of an undo log per write.
 *
 * <p><b>Durability.</b> A write returns after {@code commit()}: the new chunk is in the operating
 * system's file cache and survives the process being killed. It survives a power loss or kernel
 * crash only with {@link Options#fsync()} (an {@code fsync} per write), which is off by default.
 * Without it the file is never forced, not even where MVStore would on its own (see {@code
 * ForcedOnRequestFileStore}): such a flush in the middle of a block's write stalled transfers.
 *
 * <p><b>Opening.</b> Records that do not decode are skipped and listed in {@link #problems()} with
 * their channel id ({@link #get} then finds no such channel; saving it again replaces the bad
 * value). A damaged file is recovered as far as it reads, the damaged file kept beside it. A file
 * locked by another store is refused untouched. Records are decoded once at opening and served from
 * memory; CID sets stay on disk. Thread-safe.
 *
 * <p><b>Callers' contract.</b> {@link #save(ChannelRecord, CidSet, Cid)} refuses a CID already in
 * the set (nothing is written): check {@link #contains} first, as data-transfer.md §4.5 does.
 * {@link #forEach} walks a set in the order of the CIDs' binary form, not insertion order.
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

  private static final int COMMITS_PER_COMPACTION = 1_000;
  private static final int COMPACTION_TARGET_FILL_RATE = 60;
  private static final int COMPACTION_WRITE_BYTES = 16 << 20;

  private final MVStore store;
  private final ChannelMaps maps;
  private final Options options;
  private final List<StoreProblem> problems;
  private final Map<String, ChannelRecord> records = new ConcurrentSkipListMap<>();

  /** Held while changing maps and during commit: no commit sees half of a write. */
  private final ReentrantLock writeLock = new ReentrantLock();

  /** Held by the one writer that commits for all waiting writers. */
  private final ReentrantLock commitLock = new ReentrantLock();

  private long nextChannelNumber;
  private long durableVersion;
  private int commitsSinceCompaction;
  private volatile boolean closed;

  private MvStoreChannelStore(StoreFile.Opened opened, Options options) {
    this.store = opened.store();
    this.maps = ChannelMaps.open(store);
    this.options = options;
    List<StoreProblem> found = new ArrayList<>(opened.problems());
    maps.loadRecords(records, found);
    this.problems = List.copyOf(found);
    this.nextChannelNumber = maps.nextChannelNumber();
    this.durableVersion = store.getCurrentVersion();
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
    return new MvStoreChannelStore(
        StoreFile.open(dataDir.resolve(FILE_NAME), options.fsync()), options);
  }

  @Override
  public void save(ChannelRecord record) {
    write(record, List.of());
  }

  @Override
  public void save(ChannelRecord record, CidSet set, Cid cid) {
    write(record, List.of(new Member(set, cid)));
  }

  @Override
  public void save(ChannelRecord record, List<Member> added) {
    write(record, List.copyOf(added));
  }

  /**
   * Puts the record and the CIDs under the write lock, then waits until a commit covers them.
   * Everything that can refuse the write is checked before the first put, so a write is never left
   * half-done in memory for another thread's commit to pick up.
   */
  private void write(ChannelRecord record, List<Member> added) {
    String key = record.channelId().toString();
    byte[] bytes = ChannelRecordCodec.encode(record);
    long version;
    writeLock.lock();
    try {
      ensureOpen();
      Long known = maps.channelNumbers().get(key);
      refuseKnown(key, known, added);
      long number = known != null ? known : assignNumber(key);
      for (Member member : added) {
        maps.cids().put(CidKeys.key(number, member.set(), member.cid()), ChannelMaps.PRESENT);
        maps.counts().merge(CidKeys.prefix(number, member.set()), 1L, Long::sum);
      }
      maps.records().put(key, bytes);
      version = store.getCurrentVersion();
    } catch (RuntimeException e) {
      throw abandon("cannot save channel " + key, e);
    } finally {
      writeLock.unlock();
    }
    awaitDurable(version, "cannot save channel " + key);
    records.put(key, record);
  }

  /** Refuses a write that would add a CID twice: already in its set, or twice in the write. */
  private void refuseKnown(String key, Long known, List<Member> added) {
    if (added.size() > 1 && new HashSet<>(added).size() != added.size()) {
      throw new ChannelStoreException(
          "the same CID twice in one write of channel " + key + "; nothing written");
    }
    for (Member member : added) {
      if (known != null
          && maps.cids().containsKey(CidKeys.key(known, member.set(), member.cid()))) {
        throw new ChannelStoreException(
            "CID "
                + member.cid()
                + " is already in "
                + member.set()
                + " of channel "
                + key
                + "; nothing written");
      }
    }
  }

  /**
   * Returns once the changes of {@code version} are committed (and synced with fsync). Group
   * commit: one writer commits for everyone waiting, so concurrent channels share commits; the
   * commit itself holds the write lock, so it never contains half of a write.
   */
  private void awaitDurable(long version, String what) {
    commitLock.lock();
    try {
      if (durableVersion > version) {
        return;
      }
      long committed;
      writeLock.lock();
      try {
        store.commit();
        if (++commitsSinceCompaction >= COMMITS_PER_COMPACTION) {
          compact();
        }
        committed = store.getCurrentVersion();
      } finally {
        writeLock.unlock();
      }
      if (options.fsync()) {
        store.sync();
      }
      durableVersion = committed;
    } catch (RuntimeException e) {
      throw new ChannelStoreException(what + ": the store could not commit: " + e.getMessage(), e);
    } finally {
      commitLock.unlock();
    }
  }

  /**
   * Rewrites live pages out of mostly-empty chunks so that their space can be reused. MVStore does
   * this in its background writer, which is off with autocommit disabled; without it one commit per
   * write left the file 25 times larger than its live data (1.2 GB for 1,000,000 CIDs). Under the
   * write lock, after a commit: the compaction commit holds no half-done write.
   */
  private void compact() {
    commitsSinceCompaction = 0;
    if (store.compact(COMPACTION_TARGET_FILL_RATE, COMPACTION_WRITE_BYTES)) {
      store.commit();
    }
  }

  private long assignNumber(String key) {
    long number = nextChannelNumber++;
    maps.channelNumbers().put(key, number);
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
    maps.forEachCid(CidKeys.prefix(number, set), action);
  }

  /** Deletes the three sets in one commit (all their keys are rewritten in memory first). */
  @Override
  public void deleteCidSets(ChannelId channelId) {
    String key = channelId.toString();
    long version;
    writeLock.lock();
    try {
      ensureOpen();
      Long number = maps.channelNumbers().get(key);
      if (number == null) {
        return;
      }
      for (CidSet set : CidSet.values()) {
        maps.deleteSet(CidKeys.prefix(number, set));
      }
      version = store.getCurrentVersion();
    } catch (RuntimeException e) {
      throw abandon("cannot delete the CID sets of channel " + key, e);
    } finally {
      writeLock.unlock();
    }
    awaitDurable(version, "cannot delete the CID sets of channel " + key);
  }

  @Override
  public List<StoreProblem> problems() {
    return problems;
  }

  @Override
  public void close() {
    commitLock.lock();
    writeLock.lock();
    try {
      if (!closed) {
        closed = true;
        store.close();
      }
    } finally {
      writeLock.unlock();
      commitLock.unlock();
    }
  }

  /**
   * After a failed put the maps may hold half a write: close without committing, so that no later
   * commit persists it. Under the write lock.
   */
  private RuntimeException abandon(String what, RuntimeException e) {
    if (e instanceof ChannelStoreException refused) {
      return refused; // closed, or refused before any put: nothing to undo
    }
    closed = true;
    store.closeImmediately();
    return new ChannelStoreException(
        what + "; the store is closed without committing and must be reopened: " + e, e);
  }

  private void ensureOpen() {
    if (closed) {
      throw new ChannelStoreException("the channel store is closed");
    }
  }
}
