package io.dt4j.core.manager;

import io.dt4j.api.ChannelId;
import io.dt4j.api.PeerId;
import io.dt4j.api.Status;
import io.dt4j.api.Subscription;
import io.dt4j.core.channels.ChannelEventBus;
import io.dt4j.core.channels.ChannelRecord;
import io.dt4j.core.manager.monitor.ChannelMonitor;
import io.dt4j.core.manager.monitor.MonitorConfig;
import io.dt4j.core.manager.monitor.MonitorTarget;
import io.dt4j.core.manager.monitor.Scheduler;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The manager's use of the {@link ChannelMonitor} (data-transfer.md §5.8), when it was configured:
 * every channel this node opens is watched, and after a process restart every unfinished channel it
 * initiated is watched and restarted; every applied event is fed to the monitor. Without a
 * configuration, nothing is watched — as in Go, there are no defaults.
 */
final class Monitoring implements AutoCloseable {
  private final Optional<ChannelMonitor> monitor;
  private final Optional<ScheduledThreadPoolExecutor> timers;
  private Subscription events = () -> {};

  Monitoring(Optional<MonitorConfig> config, MonitorTarget target) {
    this.timers =
        config.map(
            c -> {
              ScheduledThreadPoolExecutor executor =
                  new ScheduledThreadPoolExecutor(
                      1,
                      task -> {
                        Thread thread = Executors.defaultThreadFactory().newThread(task);
                        thread.setName("dt4j-monitor");
                        thread.setDaemon(true);
                        return thread;
                      });
              executor.setRemoveOnCancelPolicy(true);
              return executor;
            });
    this.monitor =
        config.map(c -> new ChannelMonitor(c, target, Scheduler.of(timers.orElseThrow())));
  }

  /** Feeds the bus to the monitor and watches the stored channels this node initiated. */
  void start(ChannelEventBus bus, List<ChannelRecord> stored) {
    if (monitor.isEmpty()) {
      return;
    }
    ChannelMonitor m = monitor.get();
    events = bus.subscribe(m::onEvent);
    for (ChannelRecord record : stored) {
      if (record.channelId().initiator().equals(record.selfPeer())
          && !Status.TERMINAL.contains(record.status())
          && !Status.CLEANUP.contains(record.status())) {
        m.watchAfterProcessRestart(record);
      }
    }
  }

  /** Watches a channel this node just opened. */
  void watch(ChannelRecord record) {
    monitor.ifPresent(m -> m.watch(record));
  }

  @Override
  public void close() {
    events.close();
    monitor.ifPresent(ChannelMonitor::close);
    timers.ifPresent(ScheduledThreadPoolExecutor::shutdownNow);
  }

  /** The manager operations the monitor uses. */
  record Target(
      java.util.function.Function<PeerId, CompletionStage<Void>> connect,
      java.util.function.Function<ChannelId, CompletionStage<Void>> restart,
      java.util.function.BiFunction<ChannelId, String, CompletionStage<Void>> fail)
      implements MonitorTarget {
    @Override
    public CompletionStage<Void> connectWithRetry(PeerId peer) {
      return connect.apply(peer);
    }

    @Override
    public CompletionStage<Void> restartChannel(ChannelId channelId) {
      return restart.apply(channelId);
    }

    @Override
    public CompletionStage<Void> closeChannelWithError(ChannelId channelId, String message) {
      return fail.apply(channelId, message);
    }
  }
}
