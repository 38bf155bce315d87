package io.dt4j.core.channels.store;

import io.dt4j.api.ChannelId;
import io.dt4j.core.channels.CidSet;
import io.dt4j.core.channels.StoreProblem;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;

/**
 * Copies the readable part of a damaged store into a new one and says, per channel where it can,
 * what did not survive. CID-set counters are recomputed from the CIDs actually copied, so the new
 * store is consistent even if the old counters were not.
 */
final class Salvage {
  private Salvage() {}

  static void copy(ChannelMaps from, ChannelMaps to, List<StoreProblem> problems) {
    copyMap("records", from.records(), to.records(), problems);
    copyMap("channel numbers", from.channelNumbers(), to.channelNumbers(), problems);
    Map<ByteBuffer, Long> copied = copyCids(from.cids(), to.cids(), problems);
    Map<ByteBuffer, Long> stored = readCounts(from.counts(), problems);
    Map<Long, String> channels = new HashMap<>();
    to.channelNumbers().forEach((channel, number) -> channels.put(number, channel));
    Set<ByteBuffer> sets = new HashSet<>(copied.keySet());
    sets.addAll(stored.keySet());
    for (ByteBuffer set : sets) {
      long count = copied.getOrDefault(set, 0L);
      if (count > 0) {
        to.counts().put(set.array(), count);
      }
      long expected = stored.getOrDefault(set, count);
      if (expected != count) {
        problems.add(lostCids(channels.get(set.getLong(0)), set.get(8), count, expected));
      }
    }
  }

  private static <K, V> void copyMap(
      String name, MVMap<K, V> from, MVMap<K, V> to, List<StoreProblem> problems) {
    K last = null;
    try {
      Cursor<K, V> cursor = from.cursor(null);
      while (cursor.hasNext()) {
        last = cursor.next();
        to.put(last, cursor.getValue());
      }
    } catch (RuntimeException e) {
      problems.add(unreadable(name, last, e));
    }
  }

  private static Map<ByteBuffer, Long> copyCids(
      MVMap<byte[], byte[]> from, MVMap<byte[], byte[]> to, List<StoreProblem> problems) {
    Map<ByteBuffer, Long> counts = new HashMap<>();
    byte[] last = null;
    try {
      Cursor<byte[], byte[]> cursor = from.cursor(null);
      while (cursor.hasNext()) {
        last = cursor.next();
        to.put(last, ChannelMaps.PRESENT);
        ByteBuffer set = ByteBuffer.wrap(last, 0, CidKeys.PREFIX_LENGTH).slice();
        counts.merge(ByteBuffer.wrap(toArray(set)), 1L, Long::sum);
      }
    } catch (RuntimeException e) {
      problems.add(
          unreadable(
              "CID sets",
              last == null ? null : "channel number " + CidKeys.channelNumber(last),
              e));
    }
    return counts;
  }

  private static Map<ByteBuffer, Long> readCounts(
      MVMap<byte[], Long> from, List<StoreProblem> problems) {
    Map<ByteBuffer, Long> counts = new HashMap<>();
    try {
      from.forEach((key, count) -> counts.put(ByteBuffer.wrap(key), count));
    } catch (RuntimeException e) {
      problems.add(unreadable("CID-set counters", null, e));
    }
    return counts;
  }

  private static byte[] toArray(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(bytes);
    return bytes;
  }

  private static StoreProblem unreadable(String map, Object lastKey, RuntimeException e) {
    return StoreFile.problem(
        map
            + ": entries "
            + (lastKey == null ? "from the start" : "after " + lastKey)
            + " are unreadable and lost ("
            + e.getMessage()
            + ")");
  }

  private static StoreProblem lostCids(String channel, byte code, long kept, long expected) {
    String set = "set " + code;
    for (CidSet candidate : CidSet.values()) {
      if (CidKeys.code(candidate) == code) {
        set = candidate.name();
      }
    }
    String what = set + ": " + kept + " of " + expected + " CIDs readable, the rest are lost";
    Optional<ChannelId> id = Optional.empty();
    try {
      id = Optional.ofNullable(channel).map(ChannelId::parse);
    } catch (IllegalArgumentException e) {
      what = "channel " + channel + ": " + what;
    }
    return new StoreProblem(
        id, id.isEmpty() && channel == null ? "unknown channel: " + what : what);
  }
}
