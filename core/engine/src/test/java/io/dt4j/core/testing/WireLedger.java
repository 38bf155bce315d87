package io.dt4j.core.testing;

import io.dt4j.api.ChannelId;
import io.dt4j.ipld.Cid;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/** The blocks that reached a recipient, per channel, over all the channel's requests. */
final class WireLedger {
  /** One channel's deliveries; the count avoids walking the queue for every gate check. */
  private record Deliveries(AtomicLong count, Queue<Cid> cids) {}

  private final Map<ChannelId, Deliveries> channels = new ConcurrentHashMap<>();

  void record(ChannelId channelId, Cid cid) {
    Deliveries deliveries =
        channels.computeIfAbsent(
            channelId, id -> new Deliveries(new AtomicLong(), new ConcurrentLinkedQueue<>()));
    deliveries.cids().add(cid);
    deliveries.count().incrementAndGet();
  }

  long blocks(ChannelId channelId) {
    Deliveries deliveries = channels.get(channelId);
    return deliveries == null ? 0 : deliveries.count().get();
  }

  List<Cid> cids(ChannelId channelId) {
    Deliveries deliveries = channels.get(channelId);
    return deliveries == null ? List.of() : List.copyOf(deliveries.cids());
  }
}
