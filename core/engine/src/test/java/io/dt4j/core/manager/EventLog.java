package io.dt4j.core.manager;

import static org.awaitility.Awaitility.await;

import io.dt4j.api.ChannelId;
import io.dt4j.api.ChannelState;
import io.dt4j.api.Event;
import io.dt4j.api.EventCode;
import io.dt4j.api.Status;
import io.dt4j.api.Subscriber;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every event a manager publishes, and waits for what a scenario expects. */
final class EventLog implements Subscriber {
  static final Duration TIMEOUT = Duration.ofSeconds(20);

  /**
   * One published event and the channel right after it.
   *
   * @param channelId the channel
   * @param code the event
   * @param status the status after it
   * @param message the channel's message after it
   */
  record Entry(ChannelId channelId, EventCode code, Status status, String message) {}

  private final List<Entry> entries = new CopyOnWriteArrayList<>();

  @Override
  public void onEvent(Event event, ChannelState state) {
    entries.add(new Entry(state.channelId(), event.code(), state.status(), event.message()));
  }

  List<Entry> of(ChannelId channelId) {
    return entries.stream().filter(e -> e.channelId().equals(channelId)).toList();
  }

  List<EventCode> codes(ChannelId channelId) {
    return of(channelId).stream().map(Entry::code).toList();
  }

  Status status(ChannelId channelId) {
    List<Entry> mine = of(channelId);
    return mine.isEmpty() ? Status.CHANNEL_NOT_FOUND_ERROR : mine.get(mine.size() - 1).status();
  }

  String lastMessage(ChannelId channelId) {
    List<Entry> mine = of(channelId);
    return mine.isEmpty() ? "" : mine.get(mine.size() - 1).message();
  }

  void awaitStatus(ChannelId channelId, Status status) {
    await("status " + status + " of " + channelId)
        .atMost(TIMEOUT)
        .until(() -> status(channelId) == status);
  }

  void awaitEvent(ChannelId channelId, EventCode code) {
    awaitEvents(channelId, code, 1);
  }

  void awaitEvents(ChannelId channelId, EventCode code, int count) {
    await(count + " x " + code + " on " + channelId)
        .atMost(TIMEOUT)
        .until(() -> codes(channelId).stream().filter(code::equals).count() >= count);
  }

  /** Waits until the channel reached a terminal status and its CleanupComplete was published. */
  void awaitEnd(ChannelId channelId) {
    await("end of " + channelId)
        .atMost(TIMEOUT)
        .until(() -> Status.TERMINAL.contains(status(channelId)));
  }
}
