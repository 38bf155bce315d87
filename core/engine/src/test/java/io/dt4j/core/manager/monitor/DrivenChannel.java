package io.dt4j.core.manager.monitor;

import io.dt4j.api.ChannelId;
import io.dt4j.api.Event;
import io.dt4j.api.EventCode;
import io.dt4j.core.channels.ChannelEvent;
import io.dt4j.core.channels.ChannelRecord;
import io.dt4j.core.channels.ChannelStateMachine;
import io.dt4j.core.channels.Transition;
import java.time.Instant;

/**
 * One channel as the manager reports it to the monitor: each event goes through the real channel
 * state machine, and only an applied one reaches the monitor, with the record after it.
 */
final class DrivenChannel {
  private final ChannelMonitor monitor;
  private ChannelRecord record;

  DrivenChannel(ChannelMonitor monitor, ChannelRecord record) {
    this.monitor = monitor;
    this.record = record;
  }

  ChannelId id() {
    return record.channelId();
  }

  /** Has the monitor watch the channel as it is now. */
  DrivenChannel watched() {
    monitor.watch(record);
    return this;
  }

  /** Applies an event without arguments, e.g. Accept or PauseResponder. */
  void fire(EventCode code) {
    apply(new ChannelEvent.Plain(code));
  }

  /** Applies a failure event (SendDataError, Disconnected, Error, ...) with its error text. */
  void fail(EventCode code, String error) {
    apply(new ChannelEvent.Failure(code, error));
  }

  /** Applies a new block of {@code bytes} in the initiator's direction: progress, then plain. */
  void move(long bytes) {
    boolean pull = record.isPull();
    apply(
        new ChannelEvent.Progress(
            pull ? EventCode.DATA_RECEIVED_PROGRESS : EventCode.DATA_SENT_PROGRESS, bytes));
    fire(pull ? EventCode.DATA_RECEIVED : EventCode.DATA_SENT);
  }

  private void apply(ChannelEvent event) {
    if (ChannelStateMachine.apply(record, event) instanceof Transition.Applied applied) {
      record = applied.next();
      monitor.onEvent(new Event(event.code(), record.message(), Instant.EPOCH), record);
    } else {
      throw new IllegalStateException(event + " is not applied in status " + record.status());
    }
  }
}
