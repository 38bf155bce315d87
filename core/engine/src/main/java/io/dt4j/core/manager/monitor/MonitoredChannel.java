package io.dt4j.core.manager.monitor;

import io.dt4j.api.ChannelId;
import io.dt4j.api.Event;
import io.dt4j.api.Status;
import io.dt4j.core.channels.ChannelRecord;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitor of one channel this node initiated (data-transfer.md §5.8): the accept and complete
 * timeouts, the restart sequence and the data-rate check, driven by the channel's events. All of it
 * runs on the channel's executor (see {@link ChannelScope}).
 */
final class MonitoredChannel implements RestartSequence.Hooks {
  private static final Logger log = LoggerFactory.getLogger(MonitoredChannel.class);

  /** Statuses in which the initiator waits for the responder's Complete. */
  private static final Set<Status> AWAITING_COMPLETE =
      Set.of(Status.TRANSFER_FINISHED, Status.RESPONDER_FINALIZING_TRANSFER_FINISHED);

  private final ChannelScope scope;
  private final Consumer<MonitoredChannel> onStopped;
  private final ChannelTimer acceptTimer;
  private final ChannelTimer completeTimer;
  private final RestartSequence restarts;
  private final DataRateCheck dataRate;

  MonitoredChannel(
      ChannelRecord record,
      MonitorConfig config,
      MonitorTarget target,
      Scheduler scheduler,
      Consumer<MonitoredChannel> onStopped) {
    this.scope =
        new ChannelScope(record.channelId(), record.otherPeer(), config, target, scheduler);
    this.onStopped = onStopped;
    this.acceptTimer = scope.newTimer();
    this.completeTimer = scope.newTimer();
    this.restarts = new RestartSequence(scope, this);
    this.dataRate = new DataRateCheck(scope, record, restarts::trigger);
  }

  ChannelId channelId() {
    return scope.channelId();
  }

  /**
   * Starts the timers that fit the channel's status: the accept timeout while Requested (an Accept
   * can only come then), the complete timeout while waiting for Complete (after a process restart),
   * and the data-rate check while Ongoing.
   */
  void start(ChannelRecord record) {
    scope.run(
        () -> {
          log.debug("{}: starting data-transfer channel monitoring", channelId());
          Duration acceptTimeout = scope.config().acceptTimeout();
          if (!acceptTimeout.isZero() && record.status() == Status.REQUESTED) {
            acceptTimer.arm(acceptTimeout, () -> timedOut(acceptTimeout, "Accept"));
          }
          if (AWAITING_COMPLETE.contains(record.status())) {
            armCompleteTimer();
          }
          dataRate.observe(record);
        });
  }

  /** Asks for a restart: the channel's transport request died with the previous process. */
  void restartAfterProcessRestart() {
    scope.run(
        () -> {
          log.info("{}: unfinished when the node restarted, restarting it", channelId());
          restarts.trigger(null);
        });
  }

  /** Takes an applied event of this channel into account, later on the channel's executor. */
  void onEvent(Event event, ChannelRecord snapshot) {
    scope.run(() -> handle(event, snapshot));
  }

  /** Ends monitoring and cancels every timer; does nothing the second time. */
  void stop() {
    boolean first =
        scope.stop(
            () -> {
              acceptTimer.cancel();
              completeTimer.cancel();
              restarts.cancel();
              dataRate.cancel();
            });
    if (first) {
      onStopped.accept(this);
    }
  }

  private void handle(Event event, ChannelRecord snapshot) {
    Status status = snapshot.status();
    if (Status.CLEANUP.contains(status) || Status.TERMINAL.contains(status)) {
      log.debug(
          "{}: stopping data-transfer channel monitoring (event: {} / status: {})",
          channelId(),
          event.code(),
          status);
      stop();
      return;
    }
    switch (event.code()) {
      case ACCEPT -> acceptTimer.cancel();
      case SEND_DATA_ERROR, RECEIVE_DATA_ERROR -> {
        log.warn(
            "{}: data transfer transport error ({}: {}), restarting data transfer",
            channelId(),
            event.code(),
            event.message());
        restarts.trigger(null);
      }
      case FINISH_TRANSFER -> armCompleteTimer();
      case DATA_SENT, DATA_RECEIVED -> restarts.dataMoved();
      default -> {
        // §5.8: every other event, Disconnected included, only updates the data-rate check
      }
    }
    dataRate.observe(snapshot);
  }

  private void armCompleteTimer() {
    Duration completeTimeout = scope.config().completeTimeout();
    if (!completeTimeout.isZero() && !completeTimer.isArmed()) {
      completeTimer.arm(completeTimeout, () -> timedOut(completeTimeout, "Complete"));
    }
  }

  private void timedOut(Duration timeout, String awaitedMessage) {
    giveUp(
        channelId()
            + ": timed out waiting "
            + GoDuration.format(timeout)
            + " for "
            + awaitedMessage
            + " message from remote peer");
  }

  @Override
  public void restartStarted() {
    dataRate.suspend();
  }

  @Override
  public void restartFinished() {
    dataRate.resume();
  }

  /** Stops monitoring, then fails the channel with the message, as Go's monitor does. */
  @Override
  public void giveUp(String message) {
    stop();
    log.error("closing data-transfer channel: {}", message);
    ChannelScope.stage(() -> scope.target().closeChannelWithError(channelId(), message))
        .whenComplete(
            (ignored, failure) -> {
              if (failure != null) {
                log.error(
                    "error closing data-transfer channel {}: {}",
                    channelId(),
                    ChannelScope.unwrap(failure).toString());
              }
            });
  }
}
