package io.dt4j.core.channels.store;

import io.dt4j.api.ChannelId;
import io.dt4j.core.channels.ChannelRecord;
import io.dt4j.core.channels.ChannelStoreException;
import io.dt4j.core.channels.StoreProblem;
import io.dt4j.ipld.Cid;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.LongDataType;
import org.h2.mvstore.type.StringDataType;

/**
 * The four maps of a channel store file, opened with fixed data types.
 *
 * @param records channel id text → {@link ChannelRecordCodec} bytes
 * @param channelNumbers channel id text → the channel's number, the prefix of its CID keys
 * @param cids {@link CidKeys} key → empty value, one entry per CID in a set
 * @param counts {@link CidKeys#prefix} (channel number and set) → number of CIDs in that set
 */
record ChannelMaps(
    MVMap<String, byte[]> records,
    MVMap<String, Long> channelNumbers,
    MVMap<byte[], byte[]> cids,
    MVMap<byte[], Long> counts) {

  /** The value of every CID key: nothing (one length byte on disk). */
  static final byte[] PRESENT = new byte[0];

  /** Opens (creating if absent) the maps of a store. */
  static ChannelMaps open(MVStore store) {
    return new ChannelMaps(
        store.openMap(
            "records",
            new MVMap.Builder<String, byte[]>()
                .keyType(StringDataType.INSTANCE)
                .valueType(ByteArrayDataType.INSTANCE)),
        store.openMap(
            "channelNumbers",
            new MVMap.Builder<String, Long>()
                .keyType(StringDataType.INSTANCE)
                .valueType(LongDataType.INSTANCE)),
        store.openMap(
            "cids",
            new MVMap.Builder<byte[], byte[]>()
                .keyType(ByteArrayDataType.INSTANCE)
                .valueType(ByteArrayDataType.INSTANCE)),
        store.openMap(
            "cidCounts",
            new MVMap.Builder<byte[], Long>()
                .keyType(ByteArrayDataType.INSTANCE)
                .valueType(LongDataType.INSTANCE)));
  }

  /** Returns the next free channel number: one above the highest in use. */
  long nextChannelNumber() {
    long highest = 0;
    for (Long number : channelNumbers.values()) {
      highest = Math.max(highest, number);
    }
    return highest + 1;
  }

  /** Calls {@code action} with each CID of one set, read with a cursor (never all at once). */
  void forEachCid(byte[] setPrefix, Consumer<Cid> action) {
    Cursor<byte[], byte[]> cursor = cids.cursor(setPrefix);
    while (cursor.hasNext()) {
      byte[] key = cursor.next();
      if (!CidKeys.hasPrefix(key, setPrefix)) {
        return;
      }
      action.accept(CidKeys.cid(key));
    }
  }

  /** Removes one set's keys and counter (uncommitted). */
  void deleteSet(byte[] setPrefix) {
    byte[] next = cids.ceilingKey(setPrefix);
    while (next != null && CidKeys.hasPrefix(next, setPrefix)) {
      cids.remove(next);
      next = cids.higherKey(next);
    }
    counts.remove(setPrefix);
  }

  /**
   * Decodes every record into {@code into}, keyed by channel id text; a record that does not
   * decode, or is stored under another channel's key, becomes a problem naming the channel.
   */
  void loadRecords(Map<String, ChannelRecord> into, List<StoreProblem> problems) {
    records.forEach(
        (key, bytes) -> {
          Optional<ChannelId> channelId = Optional.empty();
          try {
            channelId = Optional.of(ChannelId.parse(key));
            ChannelRecord record = ChannelRecordCodec.decode(bytes);
            if (!record.channelId().equals(channelId.get())) {
              throw new MalformedChannelRecordException(
                  "initiator", "record of channel " + record.channelId() + " stored under " + key);
            }
            into.put(key, record);
          } catch (IllegalArgumentException | ChannelStoreException e) {
            String what = "record skipped: " + e.getMessage();
            problems.add(
                new StoreProblem(channelId, channelId.isPresent() ? what : key + ": " + what));
          }
        });
  }
}
