package io.dt4j.api;

/**
 * Receives every event applied to every channel of a manager, in the order they were applied,
 * together with the channel's state right after the event. Calls never overlap; a slow subscriber
 * delays the others, so hand long work to another thread.
 */
@FunctionalInterface
public interface Subscriber {

  /**
   * Called once per applied event.
   *
   * @param event what happened
   * @param state the channel's state after the event
   */
  void onEvent(Event event, ChannelState state);
}
