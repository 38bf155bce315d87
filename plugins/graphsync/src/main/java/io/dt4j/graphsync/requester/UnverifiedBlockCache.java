package io.dt4j.graphsync.requester;

import io.dt4j.graphsync.network.Counters;
import io.dt4j.ipld.Block;
import io.dt4j.ipld.Cid;
import java.util.HashMap;
import java.util.Map;

/**
 * Blocks received from one peer and not yet used by a traversal (graphsync spec §5.2–5.3). A block
 * is kept only while some in-progress request to the peer expects it — the responder listed it as
 * present in that request's metadata and the traversal has not used it yet — so a block nobody
 * expects is dropped at once, and the cache is shared by all requests to the peer (a responder
 * sends a block once for all of them). The bytes held are bounded; beyond the bound, blocks are
 * dropped and their requests fail when they need them. Owned by the peer's executor.
 */
public final class UnverifiedBlockCache {
  /** What became of an offered block. */
  public enum Offer {
    /** Kept (or already held). */
    KEPT,
    /** No request expects it: dropped. */
    UNEXPECTED,
    /** Expected, but the cache is full: dropped. */
    OVER_LIMIT
  }

  private static final class Entry {
    int expectations;
    Block block;
    byte[] data;
  }

  /**
   * A block held, with its bytes (one copy, taken when it arrived).
   *
   * @param block the block, for the store
   * @param data its bytes, for the traversal; do not change them
   */
  public record Held(Block block, byte[] data) {}

  private final Map<Cid, Entry> entries = new HashMap<>();
  private final long maxBytes;
  private final Counters counters;
  private long bytes;

  /**
   * Creates an empty cache.
   *
   * @param maxBytes the most block bytes held
   * @param counters records the high-water mark
   */
  public UnverifiedBlockCache(long maxBytes, Counters counters) {
    this.maxBytes = maxBytes;
    this.counters = counters;
  }

  /**
   * Notes that a request expects a block (one metadata entry saying it is present).
   *
   * @param cid the block
   */
  public void expect(Cid cid) {
    entries.computeIfAbsent(cid, c -> new Entry()).expectations++;
  }

  /**
   * Drops one expectation; the block is forgotten when none is left.
   *
   * @param cid the block
   */
  public void release(Cid cid) {
    Entry entry = entries.get(cid);
    if (entry != null && --entry.expectations <= 0) {
      entries.remove(cid);
      if (entry.data != null) {
        bytes -= entry.data.length;
      }
    }
  }

  /**
   * Offers a received block.
   *
   * @param block the block, named by the CID derived from its bytes
   * @return what became of it
   */
  public Offer offer(Block block) {
    Entry entry = entries.get(block.cid());
    if (entry == null) {
      return Offer.UNEXPECTED;
    }
    if (entry.block != null) {
      return Offer.KEPT;
    }
    byte[] data = block.dataUnsafe();
    if (bytes + data.length > maxBytes) {
      return Offer.OVER_LIMIT;
    }
    entry.block = block;
    entry.data = data;
    bytes += data.length;
    counters.unverifiedBytes(bytes);
    return Offer.KEPT;
  }

  /**
   * Returns a held block.
   *
   * @param cid the block
   * @return the block and its bytes, or null if not held
   */
  public Held get(Cid cid) {
    Entry entry = entries.get(cid);
    return entry == null || entry.block == null ? null : new Held(entry.block, entry.data);
  }

  /**
   * Returns the bytes held.
   *
   * @return the total size of the held blocks
   */
  public long bytes() {
    return bytes;
  }
}
