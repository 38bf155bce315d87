package io.dt4j.core.manager;

import io.dt4j.api.ChannelId;
import io.dt4j.api.PeerId;
import io.dt4j.api.Status;
import io.dt4j.core.channels.ChannelRecord;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Bounds the channels one peer may have open with this node as responder (Go has no such bound): a
 * New request is reserved a place before it is validated, the place is given back when the request
 * is rejected or the channel ends. Thread-safe: each peer's set changes only inside one atomic
 * {@code compute}.
 */
final class PeerChannelLimit {
  private final int max;
  private final Predicate<ChannelId> stillOpen;
  private final Map<PeerId, Set<ChannelId>> open = new ConcurrentHashMap<>();

  /**
   * Creates the limit.
   *
   * @param max channels per peer, at least 1
   * @param stillOpen whether a reserved channel still counts (not ended; unknown while reserving):
   *     asked only when a peer is at its limit, so an end the bookkeeping missed frees the place
   */
  PeerChannelLimit(int max, Predicate<ChannelId> stillOpen) {
    this.max = max;
    this.stillOpen = stillOpen;
  }

  int max() {
    return max;
  }

  /** Counts the stored channels peers opened that have not ended, even past the limit. */
  void seed(Collection<ChannelRecord> records, PeerId self) {
    for (ChannelRecord record : records) {
      if (!record.channelId().initiator().equals(self) && !hasEnded(record.status())) {
        open.compute(
            record.channelId().initiator(),
            (peer, ids) -> {
              Set<ChannelId> set = ids == null ? new HashSet<>() : ids;
              set.add(record.channelId());
              return set;
            });
      }
    }
  }

  /**
   * Takes a place for a channel its initiator asks this node to open.
   *
   * @param channelId the channel
   * @return false if the initiator already has {@link #max()} channels open; true again for a
   *     channel that holds a place already
   */
  boolean tryReserve(ChannelId channelId) {
    boolean[] reserved = new boolean[1];
    open.compute(
        channelId.initiator(),
        (peer, ids) -> {
          Set<ChannelId> set = ids == null ? new HashSet<>() : ids;
          if (set.size() >= max) {
            set.removeIf(stillOpen.negate());
          }
          reserved[0] = set.contains(channelId) || (set.size() < max && set.add(channelId));
          return set.isEmpty() ? null : set;
        });
    return reserved[0];
  }

  /** Gives a channel's place back. */
  void release(ChannelId channelId) {
    open.computeIfPresent(
        channelId.initiator(),
        (peer, ids) -> {
          ids.remove(channelId);
          return ids.isEmpty() ? null : ids;
        });
  }

  /** Gives the place of a channel back once it has ended. */
  void observe(ChannelRecord record) {
    if (hasEnded(record.status())) {
      release(record.channelId());
    }
  }

  static boolean hasEnded(Status status) {
    return Status.TERMINAL.contains(status);
  }
}
