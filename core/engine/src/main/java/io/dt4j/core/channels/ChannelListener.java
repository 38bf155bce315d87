package io.dt4j.core.channels;

import io.dt4j.api.Event;

/** Receives each event applied to a channel, with the channel's record right after it. */
@FunctionalInterface
public interface ChannelListener {

  /**
   * Called once per applied event, in order per channel, on the listener's own thread.
   *
   * @param event what happened
   * @param record the channel after the event
   */
  void onEvent(Event event, ChannelRecord record);
}
