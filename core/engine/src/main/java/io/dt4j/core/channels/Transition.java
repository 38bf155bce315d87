package io.dt4j.core.channels;

import java.util.Objects;

/** What the {@link ChannelStateMachine} decided for one event. */
public sealed interface Transition
    permits Transition.Applied, Transition.Unchanged, Transition.Refused {

  /**
   * The event applies: persist {@code next}, publish the event, then run the clean-up if asked.
   *
   * @param next the record after the event
   * @param runsCleanup whether the entry action of a clean-up status (Cancelling, Failing,
   *     Completing) runs after the event
   */
  record Applied(ChannelRecord next, boolean runsCleanup) implements Transition {
    /** Checks the record is present. */
    public Applied {
      Objects.requireNonNull(next, "next");
    }
  }

  /**
   * Nothing to do, and that is success: a cancel of a channel that has already ended.
   *
   * @param reason why nothing changes
   */
  record Unchanged(String reason) implements Transition {}

  /**
   * The event is not allowed in the channel's status; the channel stays as it was.
   *
   * @param reason the event, the status and why, in one line
   */
  record Refused(String reason) implements Transition {}
}
