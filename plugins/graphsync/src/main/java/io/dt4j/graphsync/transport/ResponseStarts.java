package io.dt4j.graphsync.transport;

import io.dt4j.api.ChannelId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether each served channel's data has started to flow (go-data-transfer's {@code
 * channelXferStarted}, data-transfer.md §6.3 incoming request hook): a channel whose first response
 * began paused (say the provider is still unsealing) has not started, and a later graphsync request
 * of that channel — a restart, or the requester's re-request — begins paused too, until this node
 * resumes the channel. Thread-safe.
 */
final class ResponseStarts {
  private final Map<ChannelId, Boolean> started = new ConcurrentHashMap<>();

  /**
   * Records a new request of the channel that this node serves.
   *
   * @param pausedByHandler the handler paused it already
   * @return true if it must begin paused: an earlier request of the channel never got going
   */
  boolean holdsBack(ChannelId channelId, boolean pausedByHandler) {
    Boolean before = started.get(channelId);
    boolean hold = !pausedByHandler && before != null && !before;
    started.put(channelId, !(pausedByHandler || hold));
    return hold;
  }

  /**
   * This node resumed the channel: its data flows from now on. Go marks this only when it unpauses
   * a live response; dt4j also marks it when the requester had cancelled (the resume then waits for
   * the next request), so that request is not held back again after the resume.
   */
  void resumed(ChannelId channelId) {
    started.put(channelId, true);
  }

  void forget(ChannelId channelId) {
    started.remove(channelId);
  }
}
