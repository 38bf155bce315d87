package io.dt4j.daemon;

import io.dt4j.api.ChannelId;
import io.dt4j.core.channels.ChannelRecord;
import io.dt4j.core.channels.ChannelStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When the manager's channels were created, which go-data-transfer's {@code ChannelState} does not
 * say: read from the channel store once per channel and kept, since a creation time never changes.
 */
final class CreationTimes {
  private final Optional<ChannelStore> store;
  private final Map<ChannelId, Optional<Instant>> known = new ConcurrentHashMap<>();

  /**
   * @param store the manager's channel store; empty when there is none to ask (every time unknown)
   */
  CreationTimes(Optional<ChannelStore> store) {
    this.store = store;
  }

  /** Returns when the channel was created, if its record says. */
  Optional<Instant> of(ChannelId channelId) {
    Optional<Instant> seen = known.get(channelId);
    if (seen != null) {
      return seen;
    }
    Optional<ChannelRecord> record = store.flatMap(s -> s.get(channelId));
    // a channel not (yet) in the store is asked again next time
    record.ifPresent(r -> known.put(channelId, r.created()));
    return record.flatMap(ChannelRecord::created);
  }
}
