package io.dt4j.graphsync.transport;

import io.dt4j.api.ChannelId;
import io.dt4j.ipld.Cid;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The blocks whose bytes reached this node over graphsync, per channel it receives the data of: how
 * many, how many bytes, and how many of them the channel had received before (a duplicate: a block
 * that crossed the wire again, e.g. after a pause or a restart). Blocks the sender left out
 * (do-not-send-cids, de-duplication) are not counted. The counts stay after the channel's transport
 * state is cleaned up; the set of CIDs seen does not.
 */
final class WireCounts {
  /** Names of the counters, as {@link GraphsyncTransport#channelCounters} reports them. */
  static final String BLOCKS = "blocksOnWire";

  static final String BYTES = "bytesOnWire";
  static final String DUPLICATES = "duplicateBlocks";

  /** One channel's counts: written on the channel's graphsync executor, read from any thread. */
  private static final class Counts {
    private volatile Set<Cid> seen = ConcurrentHashMap.newKeySet();
    private final AtomicLong blocks = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();

    void received(Cid cid, long wireBytes) {
      Set<Cid> known = seen;
      if (known != null && !known.add(cid)) {
        duplicates.incrementAndGet();
      }
      bytes.addAndGet(wireBytes);
      blocks.incrementAndGet();
    }

    void seal() {
      seen = null;
    }

    Map<String, Long> snapshot() {
      return Map.of(BLOCKS, blocks.get(), BYTES, bytes.get(), DUPLICATES, duplicates.get());
    }
  }

  private final Map<ChannelId, Counts> channels = new ConcurrentHashMap<>();

  /** A block of the channel arrived with its bytes ({@code wireBytes} of them). */
  void received(ChannelId channelId, Cid cid, long wireBytes) {
    channels.computeIfAbsent(channelId, c -> new Counts()).received(cid, wireBytes);
  }

  /** The channel's transport state is gone: keep the counts, drop the CIDs. */
  void seal(ChannelId channelId) {
    Counts counts = channels.get(channelId);
    if (counts != null) {
      counts.seal();
    }
  }

  /** {@return the channel's counts, or an empty map if no block of it arrived} */
  Map<String, Long> of(ChannelId channelId) {
    Counts counts = channels.get(channelId);
    return counts == null ? Map.of() : counts.snapshot();
  }
}
