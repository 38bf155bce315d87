package io.dt4j.core.channels;

import io.dt4j.api.ChannelId;
import io.dt4j.ipld.Cid;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where channel records and their CID sets live. Every write is durable and atomic when the method
 * returns: after a crash, a store opens with each write either wholly there or not at all.
 *
 * <p>Writes for one channel come from that channel's ordered executor only; writes for different
 * channels may come concurrently. Small on purpose, so that other implementations (JDBC) fit.
 */
public interface ChannelStore extends AutoCloseable {

  /**
   * Creates or replaces a channel's record.
   *
   * @param record the record
   * @throws ChannelStoreException if it cannot be written
   */
  void save(ChannelRecord record);

  /**
   * Replaces a channel's record and adds a CID to one of its sets, in one atomic write.
   *
   * @param record the record, with its counters already grown for the CID
   * @param set the set
   * @param cid the CID, not yet in the set
   * @throws ChannelStoreException if it cannot be written
   */
  void save(ChannelRecord record, CidSet set, Cid cid);

  /**
   * Replaces a channel's record and adds CIDs to its sets, in one atomic write: the blocks a
   * channel recorded in one go (one commit, not one per block).
   *
   * @param record the record, with its counters already grown for every CID
   * @param added the CIDs, none yet in its set, no two alike
   * @throws ChannelStoreException if it cannot be written
   */
  void save(ChannelRecord record, List<Member> added);

  /**
   * A CID in one of a channel's sets.
   *
   * @param set the set
   * @param cid the CID
   */
  record Member(CidSet set, Cid cid) {
    /** Checks both are present. */
    public Member {
      java.util.Objects.requireNonNull(set, "set");
      java.util.Objects.requireNonNull(cid, "cid");
    }
  }

  /**
   * Returns a channel's record.
   *
   * @param channelId the channel
   * @return the record, if the channel exists
   */
  Optional<ChannelRecord> get(ChannelId channelId);

  /** Returns every readable record (corrupt ones are in {@link #problems()}). */
  List<ChannelRecord> all();

  /**
   * Returns whether a CID is in one of a channel's sets.
   *
   * @param channelId the channel
   * @param set the set
   * @param cid the CID
   * @return true if present
   */
  boolean contains(ChannelId channelId, CidSet set, Cid cid);

  /**
   * Returns the size of one of a channel's sets.
   *
   * @param channelId the channel
   * @param set the set
   * @return the number of CIDs
   */
  long count(ChannelId channelId, CidSet set);

  /**
   * Calls {@code action} with each CID of one of a channel's sets, in insertion order where the
   * store knows it, without loading the whole set into memory.
   *
   * @param channelId the channel
   * @param set the set
   * @param action called per CID
   */
  void forEach(ChannelId channelId, CidSet set, Consumer<Cid> action);

  /**
   * Deletes a channel's CID sets (after clean-up); the record stays.
   *
   * @param channelId the channel
   */
  void deleteCidSets(ChannelId channelId);

  /** Returns what could not be read when the store was opened, one entry per channel or area. */
  List<StoreProblem> problems();

  /** Closes the store; further calls fail. */
  @Override
  void close();
}
