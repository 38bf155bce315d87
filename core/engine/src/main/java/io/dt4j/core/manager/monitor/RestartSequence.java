package io.dt4j.core.manager.monitor;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The restart procedure of one monitored channel (data-transfer.md §5.8): triggers are debounced; a
 * restart reconnects to the peer, sends the restart, then backs off; a trigger during a restart
 * queues one more; each attempt counts, and one attempt past the maximum without data in between
 * gives up. Confined to the channel's executor.
 */
final class RestartSequence {
  private static final Logger log = LoggerFactory.getLogger(RestartSequence.class);

  /** What the sequence reports to its channel. */
  interface Hooks {
    /** A restart sequence began: nothing else should judge the channel until it finished. */
    void restartStarted();

    /** The restart sequence finished: the last restart was sent and its back-off passed. */
    void restartFinished();

    /** Restarts did not help: the channel must fail with this message. */
    void giveUp(String message);
  }

  private final ChannelScope scope;
  private final Hooks hooks;
  private final ChannelTimer debounce;
  private final ChannelTimer backoff;
  private boolean running;
  private boolean queued;
  private int consecutiveRestarts;
  private String stall;

  RestartSequence(ChannelScope scope, Hooks hooks) {
    this.scope = scope;
    this.hooks = hooks;
    this.debounce = scope.newTimer();
    this.backoff = scope.newTimer();
  }

  /**
   * Asks for a restart once the debounce window passes without another trigger.
   *
   * @param stallReason why the data-rate check asks, or null for a transport error
   */
  void trigger(String stallReason) {
    stall = stallReason;
    debounce.arm(scope.config().restartDebounce(), this::begin);
  }

  /** Data moved: restarts so far did help, the count starts again. */
  void dataMoved() {
    consecutiveRestarts = 0;
  }

  /** Returns whether a restart is being sent or backing off. */
  boolean isRunning() {
    return running;
  }

  /** Cancels the timers; the channel is no longer monitored. */
  void cancel() {
    debounce.cancel();
    backoff.cancel();
  }

  private void begin() {
    if (running) {
      queued = true;
      log.info(
          "{}: restart called but already restarting channel, waiting to restart again"
              + " (restart backoff is {})",
          scope.channelId(),
          GoDuration.format(scope.config().restartBackoff()));
      return;
    }
    running = true;
    hooks.restartStarted();
    attempt();
  }

  private void attempt() {
    consecutiveRestarts++;
    if (consecutiveRestarts > scope.config().maxConsecutiveRestarts()) {
      running = false;
      hooks.giveUp(failure(consecutiveRestarts));
      return;
    }
    log.info(
        "{}: restarting ({} consecutive restarts): re-establishing connection to {}",
        scope.channelId(),
        consecutiveRestarts,
        scope.otherPeer());
    scope.call(() -> scope.target().connectWithRetry(scope.otherPeer()), this::connected);
  }

  private void connected(Throwable failure) {
    if (failure != null) {
      retry("failed to reconnect to peer " + scope.otherPeer(), failure);
      return;
    }
    log.info("{}: sending restart message to {}", scope.channelId(), scope.otherPeer());
    scope.call(() -> scope.target().restartChannel(scope.channelId()), this::sent);
  }

  private void sent(Throwable failure) {
    if (failure != null) {
      retry("failed to send restart message to " + scope.otherPeer(), failure);
      return;
    }
    Duration pause = scope.config().restartBackoff();
    log.info(
        "{}: restart message sent, backing off {} before allowing any other restarts",
        scope.channelId(),
        GoDuration.format(pause));
    if (pause.isZero()) {
      backedOff();
    } else {
      backoff.arm(pause, this::backedOff);
    }
  }

  private void retry(String what, Throwable failure) {
    // §5.8: a failed attempt is retried at once and counts toward the maximum
    log.info(
        "{}: restart failed, trying again: {}: {}", scope.channelId(), what, failure.toString());
    attempt();
  }

  private void backedOff() {
    if (queued) {
      queued = false;
      log.info("{}: restart was queued - restarting again", scope.channelId());
      attempt();
      return;
    }
    running = false;
    log.info("{}: restart complete", scope.channelId());
    try {
      scope.config().onRestartComplete().accept(scope.channelId());
    } catch (RuntimeException callbackFailure) {
      log.warn("{}: onRestartComplete callback failed", scope.channelId(), callbackFailure);
    }
    hooks.restartFinished();
  }

  private String failure(int restarts) {
    String why = stall == null ? "" : stall + "; ";
    return scope.channelId()
        + ": "
        + why
        + "after "
        + restarts
        + " consecutive restarts failed to transfer any data";
  }
}
