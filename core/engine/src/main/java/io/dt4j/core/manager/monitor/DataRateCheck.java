package io.dt4j.core.manager.monitor;

import io.dt4j.api.Status;
import io.dt4j.core.channels.ChannelRecord;
import java.util.function.Consumer;

/**
 * dt4j's data-rate check of one monitored channel: over each window of {@code
 * dataRateCheckInterval} that the channel spends wholly in Ongoing (not paused, not finalizing, no
 * restart running) it must move at least {@code minBytesPerInterval} bytes in its initiator's
 * direction (received for a pull, sent for a push), else it is reported as stalled. A window that
 * is interrupted is dropped and a fresh one starts when the channel is Ongoing again, so a pause
 * never counts as a stall. After a stall the next window starts once the restart it asked for ran.
 * Confined to the channel's executor.
 */
final class DataRateCheck {
  private final ChannelScope scope;
  private final Consumer<String> onStall;
  private final ChannelTimer window;
  private ChannelRecord latest;
  private long bytesAtWindowStart;
  private boolean suspended;

  /**
   * Creates the check.
   *
   * @param scope the channel
   * @param first the channel as it was when monitoring began
   * @param onStall called with "moved N bytes in the last D (minimum M bytes)" for a slow window
   */
  DataRateCheck(ChannelScope scope, ChannelRecord first, Consumer<String> onStall) {
    this.scope = scope;
    this.onStall = onStall;
    this.window = scope.newTimer();
    this.latest = first;
  }

  /** Takes the channel as it is after an event into account. */
  void observe(ChannelRecord record) {
    latest = record;
    reconsider();
  }

  /** Stops judging the channel while a restart runs. */
  void suspend() {
    suspended = true;
    reconsider();
  }

  /** Judges the channel again, with a fresh window. */
  void resume() {
    suspended = false;
    reconsider();
  }

  /** Cancels the window; the channel is no longer monitored. */
  void cancel() {
    window.cancel();
  }

  private void reconsider() {
    MonitorConfig config = scope.config();
    if (!config.checksDataRate() || suspended || latest.status() != Status.ONGOING) {
      window.cancel();
    } else if (!window.isArmed()) {
      bytesAtWindowStart = bytesMoved(latest);
      window.arm(config.dataRateCheckInterval(), this::windowEnded);
    }
  }

  private void windowEnded() {
    long moved = bytesMoved(latest) - bytesAtWindowStart;
    long minimum = scope.config().minBytesPerInterval();
    if (moved < minimum) {
      // no new window until the restart this asks for has run: a window per interval would
      // re-trigger the debounce and postpone the restart for as long as the stall lasts
      suspended = true;
      onStall.accept(
          "moved "
              + bytes(moved)
              + " in the last "
              + GoDuration.format(scope.config().dataRateCheckInterval())
              + " (minimum "
              + bytes(minimum)
              + ")");
    }
    reconsider();
  }

  private static long bytesMoved(ChannelRecord record) {
    return record.isPull() ? record.received() : record.sent();
  }

  private static String bytes(long count) {
    return count == 1 ? "1 byte" : count + " bytes";
  }
}
