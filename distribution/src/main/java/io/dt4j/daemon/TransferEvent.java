package io.dt4j.daemon;

import io.dt4j.api.Event;
import java.util.Objects;

/**
 * One event on a channel and the channel right after it.
 *
 * @param event what happened
 * @param channel the channel after the event
 */
public record TransferEvent(Event event, ChannelSnapshot channel) {
  /** Checks that no part is missing. */
  public TransferEvent {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(channel, "channel");
  }
}
