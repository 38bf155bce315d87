package io.dt4j.core.manager;

import io.dt4j.api.ChannelId;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the handling of incoming dt-net messages one at a time per channel, in arrival order, and
 * channels in parallel on a shared pool; a channel's queue disappears when it is empty, so messages
 * for made-up channels leave nothing behind.
 */
final class ChannelQueues {
  private static final Logger log = LoggerFactory.getLogger("dt-impl");

  private final Executor pool;
  private final Map<ChannelId, ArrayDeque<Runnable>> queues = new ConcurrentHashMap<>();

  ChannelQueues(Executor pool) {
    this.pool = pool;
  }

  void execute(ChannelId channelId, Runnable task) {
    boolean[] first = {false};
    queues.compute(
        channelId,
        (id, queue) -> {
          ArrayDeque<Runnable> q = queue == null ? new ArrayDeque<>() : queue;
          first[0] = queue == null;
          q.add(task);
          return q;
        });
    if (first[0]) {
      pool.execute(() -> drain(channelId));
    }
  }

  private void drain(ChannelId channelId) {
    Runnable[] head = {null};
    queues.computeIfPresent(
        channelId,
        (id, queue) -> {
          head[0] = queue.peek();
          return queue;
        });
    while (head[0] != null) {
      try {
        head[0].run();
      } catch (RuntimeException e) {
        log.error("channel {}: handling a message failed", channelId, e);
      }
      head[0] = null;
      queues.computeIfPresent(
          channelId,
          (id, queue) -> {
            queue.poll();
            head[0] = queue.peek();
            return queue.isEmpty() ? null : queue;
          });
    }
  }
}
