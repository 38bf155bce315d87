package io.dt4j.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One event on a channel, as delivered to {@link Subscriber}s.
 *
 * @param code what happened
 * @param message clarifying information (the channel's message, often an error text); may be empty
 * @param timestamp when the event was applied
 */
public record Event(EventCode code, String message, Instant timestamp) {
  /** Checks that no part is missing. */
  public Event {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(timestamp, "timestamp");
  }
}
