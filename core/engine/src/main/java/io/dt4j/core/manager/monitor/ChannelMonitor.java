package io.dt4j.core.manager.monitor;

import io.dt4j.api.ChannelId;
import io.dt4j.api.Event;
import io.dt4j.api.Status;
import io.dt4j.core.channels.ChannelRecord;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Watches the channels this node initiated and keeps them moving (data-transfer.md §5.8): fails a
 * channel the responder does not accept or complete in time, restarts one that reports transport
 * errors or, while Ongoing, moves fewer bytes per interval than configured, and fails it with a
 * message saying why when consecutive restarts do not bring data.
 *
 * <p>The manager calls {@link #watch} when it opens a channel (and, after a process restart, for
 * each unfinished channel it initiated) and feeds every applied event to {@link #onEvent}. Calls
 * return at once: all work runs on the {@link Scheduler}, on one ordered executor per channel, so
 * one channel's timers never touch another's. Monitoring of a channel ends by itself when it enters
 * a clean-up or terminal status.
 */
public final class ChannelMonitor implements AutoCloseable {
  private final MonitorConfig config;
  private final MonitorTarget target;
  private final Scheduler scheduler;
  private final ConcurrentMap<ChannelId, MonitoredChannel> channels = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /**
   * Creates a monitor that watches nothing yet.
   *
   * @param config timeouts, restart policy and data-rate check
   * @param target the manager's operations the monitor uses
   * @param scheduler where work and timers run, e.g. {@link Scheduler#of} a scheduled executor
   */
  public ChannelMonitor(MonitorConfig config, MonitorTarget target, Scheduler scheduler) {
    this.config = Objects.requireNonNull(config, "config");
    this.target = Objects.requireNonNull(target, "target");
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
  }

  /**
   * Starts monitoring a channel this node initiated; does nothing if it is already monitored or
   * already cleaning up or finished.
   *
   * @param record the channel as it is now
   * @throws IllegalArgumentException if this node is not the channel's initiator
   * @throws IllegalStateException if the monitor is closed
   */
  public void watch(ChannelRecord record) {
    if (closed) {
      throw new IllegalStateException(
          "channel monitor is closed; cannot watch " + record.channelId());
    }
    ChannelId channelId = record.channelId();
    if (!channelId.initiator().equals(record.selfPeer())) {
      throw new IllegalArgumentException(
          "channel monitor watches only channels this node initiated, but "
              + record.selfPeer()
              + " is the responder of "
              + channelId);
    }
    if (Status.CLEANUP.contains(record.status()) || Status.TERMINAL.contains(record.status())) {
      return;
    }
    MonitoredChannel channel =
        new MonitoredChannel(record, config, target, scheduler, this::forget);
    if (channels.putIfAbsent(channelId, channel) == null) {
      channel.start(record);
      if (closed) {
        channel.stop(); // close() ran meanwhile and may have missed this channel
      }
    }
  }

  /**
   * Watches a channel this node initiated before its process restarted, and restarts it: its
   * transport request ended with the old process, so no event would ever come to judge it by (a
   * pull that had heard the responder's Complete but not all blocks would wait for ever). The
   * restart is debounced and retried like any other.
   *
   * @param record the channel as the store has it
   */
  public void watchAfterProcessRestart(ChannelRecord record) {
    watch(record);
    MonitoredChannel channel = channels.get(record.channelId());
    if (channel != null) {
      channel.restartAfterProcessRestart();
    }
  }

  /**
   * Takes an applied event into account; events of channels not monitored are ignored. Returns at
   * once.
   *
   * @param event the event
   * @param snapshot the channel right after the event
   */
  public void onEvent(Event event, ChannelRecord snapshot) {
    MonitoredChannel channel = channels.get(snapshot.channelId());
    if (channel != null) {
      channel.onEvent(event, snapshot);
    }
  }

  /**
   * Stops monitoring a channel and cancels its timers; does nothing if it is not monitored.
   *
   * @param channelId the channel
   */
  public void unwatch(ChannelId channelId) {
    MonitoredChannel channel = channels.get(channelId);
    if (channel != null) {
      channel.stop();
    }
  }

  /**
   * Returns whether a channel is monitored.
   *
   * @param channelId the channel
   * @return true until it is unwatched, reaches a clean-up or terminal status, or is failed by the
   *     monitor
   */
  public boolean isWatching(ChannelId channelId) {
    return channels.containsKey(channelId);
  }

  /** Stops monitoring every channel and cancels all timers; the scheduler is the caller's. */
  @Override
  public void close() {
    closed = true;
    List.copyOf(channels.values()).forEach(MonitoredChannel::stop);
  }

  private void forget(MonitoredChannel channel) {
    channels.remove(channel.channelId(), channel);
  }
}
