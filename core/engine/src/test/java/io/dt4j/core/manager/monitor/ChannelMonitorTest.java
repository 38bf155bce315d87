package io.dt4j.core.manager.monitor;

import static io.dt4j.core.manager.monitor.MonitorFixtures.pull;
import static io.dt4j.core.manager.monitor.MonitorFixtures.push;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dt4j.api.ChannelId;
import io.dt4j.api.EventCode;
import io.dt4j.api.Status;
import io.dt4j.core.channels.ChannelRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelMonitorTest {
  private final ManualScheduler scheduler = new ManualScheduler();
  private final RecordingTarget target = new RecordingTarget(scheduler);
  private final List<ChannelId> restartsCompleted = new ArrayList<>();
  private final MonitorConfig.Builder config =
      MonitorConfig.builder()
          .acceptTimeout(seconds(30))
          .restartDebounce(seconds(10))
          .restartBackoff(Duration.ofMinutes(1))
          .maxConsecutiveRestarts(3)
          .completeTimeout(seconds(30))
          .noDataRateCheck()
          .onRestartComplete(restartsCompleted::add);
  private ChannelMonitor monitor;

  @Test
  void acceptTimeoutFailsAChannelTheResponderNeverAccepts() {
    DrivenChannel channel = channel(pull(1));

    scheduler.advance(Duration.ofMillis(29_999));
    assertThat(target.calls()).isEmpty();
    scheduler.advance(Duration.ofMillis(1));

    assertThat(target.calls())
        .containsExactly(
            "30s close 1: "
                + channel.id()
                + ": timed out waiting 30s for Accept message from remote peer");
    assertThat(monitor.isWatching(channel.id())).isFalse();
  }

  @Test
  void acceptCancelsTheAcceptTimeout() {
    DrivenChannel channel = channel(pull(1));
    scheduler.advance(seconds(29));

    channel.fire(EventCode.ACCEPT);
    scheduler.advance(Duration.ofHours(1));

    assertThat(target.calls()).isEmpty();
    assertThat(monitor.isWatching(channel.id())).isTrue();
  }

  @Test
  void aBurstOfTransportErrorsCausesOneRestartAfterTheDebounce() {
    DrivenChannel channel = accepted(pull(1));

    channel.fail(EventCode.SEND_DATA_ERROR, "stream reset");
    scheduler.advance(seconds(5));
    channel.fail(EventCode.RECEIVE_DATA_ERROR, "stream reset");
    scheduler.advance(seconds(4));
    channel.fail(EventCode.SEND_DATA_ERROR, "stream reset");
    scheduler.advance(Duration.ofMillis(9_999));
    assertThat(target.calls()).isEmpty();
    scheduler.advance(Duration.ofMillis(1));

    assertThat(target.calls()).containsExactly("19s connect bob", "19s restart 1");
  }

  @Test
  void aRestartRequestedDuringTheBackoffRunsWhenTheBackoffEnds() {
    DrivenChannel channel = accepted(pull(1));
    channel.fail(EventCode.SEND_DATA_ERROR, "stream reset");
    scheduler.advance(seconds(20)); // restart sent at 10s, backing off until 70s

    channel.fail(EventCode.RECEIVE_DATA_ERROR, "stream reset"); // debounced until 30s: queued
    scheduler.advance(Duration.ofMillis(49_999));
    assertThat(target.calls()).containsExactly("10s connect bob", "10s restart 1");
    scheduler.advance(Duration.ofMillis(1));

    assertThat(target.calls())
        .containsExactly(
            "10s connect bob", "10s restart 1", "1m10s connect bob", "1m10s restart 1");
  }

  @Test
  void onRestartCompleteIsCalledOnceTheLastBackoffPassed() {
    DrivenChannel channel = accepted(pull(1));
    channel.fail(EventCode.SEND_DATA_ERROR, "stream reset");

    scheduler.advance(Duration.ofMillis(69_999));
    assertThat(restartsCompleted).isEmpty();
    scheduler.advance(Duration.ofMillis(1));

    assertThat(restartsCompleted).containsExactly(channel.id());
  }

  @Test
  void dataReceivedResetsTheConsecutiveRestartCounter() {
    config.maxConsecutiveRestarts(2);
    DrivenChannel channel = accepted(pull(1));
    restartAfterAnError(channel);
    restartAfterAnError(channel);

    channel.move(100);
    restartAfterAnError(channel);
    restartAfterAnError(channel);
    assertThat(restarts()).hasSize(4);
    restartAfterAnError(channel);

    assertThat(restarts()).hasSize(4);
    assertThat(last())
        .isEqualTo(
            "4m50s close 1: "
                + channel.id()
                + ": after 3 consecutive restarts failed to transfer any data");
  }

  @Test
  void oneRestartPastTheMaximumFailsTheChannelWithGosMessage() {
    DrivenChannel channel = accepted(pull(1));
    for (int i = 0; i < 4; i++) {
      restartAfterAnError(channel);
    }

    assertThat(restarts()).hasSize(3);
    assertThat(last())
        .isEqualTo(
            "3m40s close 1: "
                + channel.id()
                + ": after 4 consecutive restarts failed to transfer any data");
    assertThat(monitor.isWatching(channel.id())).isFalse();

    channel.fail(EventCode.SEND_DATA_ERROR, "stream reset");
    scheduler.advance(Duration.ofHours(1));
    assertThat(restarts()).hasSize(3);
  }

  @Test
  void failedRestartAttemptsAreRetriedAtOnceAndCountTowardTheMaximum() {
    target.failRestarts(Integer.MAX_VALUE);
    DrivenChannel channel = accepted(push(1));

    channel.fail(EventCode.SEND_DATA_ERROR, "stream reset");
    scheduler.advance(seconds(10));

    assertThat(target.calls())
        .containsExactly(
            "10s connect bob",
            "10s restart 1",
            "10s connect bob",
            "10s restart 1",
            "10s connect bob",
            "10s restart 1",
            "10s close 1: "
                + channel.id()
                + ": after 4 consecutive restarts failed to transfer any data");
  }

  @Test
  void aPeerThatCannotBeReachedIsNotSentARestartButTheAttemptCounts() {
    target.failConnects(1);
    DrivenChannel channel = accepted(pull(1));

    channel.fail(EventCode.RECEIVE_DATA_ERROR, "stream reset");
    scheduler.advance(seconds(10));

    assertThat(target.calls())
        .containsExactly("10s connect bob", "10s connect bob", "10s restart 1");
  }

  @Test
  void completeTimeoutFailsAChannelTheResponderNeverCompletes() {
    DrivenChannel channel = accepted(pull(1));
    scheduler.advance(seconds(100));

    channel.fire(EventCode.FINISH_TRANSFER);
    scheduler.advance(seconds(30));

    assertThat(target.calls())
        .containsExactly(
            "2m10s close 1: "
                + channel.id()
                + ": timed out waiting 30s for Complete message from remote peer");
  }

  @Test
  void completionBeforeTheCompleteTimeoutEndsMonitoring() {
    DrivenChannel channel = accepted(pull(1));
    channel.fire(EventCode.FINISH_TRANSFER);
    scheduler.advance(seconds(29));

    channel.fire(EventCode.RESPONDER_COMPLETES);
    scheduler.advance(Duration.ofHours(1));

    assertThat(target.calls()).isEmpty();
    assertThat(monitor.isWatching(channel.id())).isFalse();
  }

  @Test
  void dataRateCheckRestartsAStalledOngoingPull() {
    config.dataRate(seconds(5), 1);
    accepted(pull(1));

    scheduler.advance(Duration.ofMillis(14_999)); // stalled window ends at 5s, debounce 10s
    assertThat(target.calls()).isEmpty();
    scheduler.advance(Duration.ofMillis(1));

    assertThat(target.calls()).containsExactly("15s connect bob", "15s restart 1");
  }

  @Test
  void dataRateCheckLeavesAPushThatSendsEnoughAlone() {
    config.dataRate(seconds(5), 1000);
    DrivenChannel channel = accepted(push(1));

    for (int second = 0; second < 60; second++) {
      channel.move(200);
      scheduler.advance(seconds(1));
    }

    assertThat(target.calls()).isEmpty();
  }

  @Test
  void dataRateCheckLeavesAPausedChannelAloneAndStartsAFreshWindowOnResume() {
    config.dataRate(seconds(5), 1);
    DrivenChannel channel = accepted(pull(1));
    scheduler.advance(seconds(4));

    channel.fire(EventCode.PAUSE_RESPONDER);
    scheduler.advance(Duration.ofHours(1));
    assertThat(target.calls()).isEmpty();

    channel.fire(EventCode.RESUME_RESPONDER);
    scheduler.advance(seconds(15));
    assertThat(target.calls()).containsExactly("1h0m19s connect bob", "1h0m19s restart 1");
  }

  @Test
  void aChannelStalledThroughEveryRestartFailsWithTheRateInTheMessage() {
    config
        .dataRate(seconds(5), 1)
        .restartDebounce(Duration.ZERO)
        .restartBackoff(Duration.ZERO)
        .maxConsecutiveRestarts(2);
    DrivenChannel channel = accepted(pull(1));

    scheduler.advance(seconds(15));

    assertThat(target.calls())
        .containsExactly(
            "5s connect bob",
            "5s restart 1",
            "10s connect bob",
            "10s restart 1",
            "15s close 1: "
                + channel.id()
                + ": moved 0 bytes in the last 5s (minimum 1 byte);"
                + " after 3 consecutive restarts failed to transfer any data");
  }

  @Test
  void aTerminalStatusEndsMonitoringAndCancelsEveryTimer() {
    DrivenChannel channel = channel(pull(1)); // accept timeout armed
    channel.fail(EventCode.SEND_DATA_ERROR, "stream reset"); // debounce armed

    channel.fire(EventCode.CANCEL);
    scheduler.runDue();

    assertThat(scheduler.pending()).isZero();
    assertThat(monitor.isWatching(channel.id())).isFalse();
    scheduler.advance(Duration.ofHours(1));
    assertThat(target.calls()).isEmpty();
  }

  @Test
  void aRestartInFlightWhenTheChannelFailsHasNoAftermath() {
    target.holdRestarts();
    DrivenChannel channel = accepted(pull(1));
    channel.fail(EventCode.SEND_DATA_ERROR, "stream reset");
    scheduler.advance(seconds(10));

    channel.fail(EventCode.ERROR, "responder refused");
    target.heldRestarts().get(0).complete(null);
    scheduler.advance(Duration.ofHours(1));

    assertThat(target.calls()).containsExactly("10s connect bob", "10s restart 1");
    assertThat(restartsCompleted).isEmpty();
    assertThat(scheduler.pending()).isZero();
  }

  @Test
  void unwatchCancelsTheChannelsTimers() {
    DrivenChannel channel = channel(pull(1));
    channel.fail(EventCode.SEND_DATA_ERROR, "stream reset");

    monitor.unwatch(channel.id());
    scheduler.runDue();

    assertThat(scheduler.pending()).isZero();
    scheduler.advance(Duration.ofHours(1));
    assertThat(target.calls()).isEmpty();
    assertThat(monitor.isWatching(channel.id())).isFalse();
  }

  @Test
  void disconnectedDoesNotTriggerARestart() {
    DrivenChannel channel = accepted(pull(1));

    channel.fail(EventCode.DISCONNECTED, "peer went away");
    scheduler.advance(Duration.ofHours(1));

    assertThat(target.calls()).isEmpty();
  }

  @Test
  void closeEndsMonitoringOfEveryChannel() {
    DrivenChannel first = channel(pull(1));
    DrivenChannel second = accepted(push(2));
    first.fail(EventCode.SEND_DATA_ERROR, "stream reset");
    second.fail(EventCode.SEND_DATA_ERROR, "stream reset");

    monitor.close();
    scheduler.runDue();

    assertThat(scheduler.pending()).isZero();
    scheduler.advance(Duration.ofHours(1));
    assertThat(target.calls()).isEmpty();
    assertThatThrownBy(() -> monitor.watch(pull(3)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void oneChannelsRestartsAndFailureLeaveAnotherAlone() {
    config.maxConsecutiveRestarts(1);
    DrivenChannel troubled = accepted(pull(1));
    DrivenChannel healthy = accepted(pull(2));

    restartAfterAnError(troubled);
    restartAfterAnError(troubled);
    healthy.fail(EventCode.SEND_DATA_ERROR, "stream reset");
    scheduler.advance(seconds(10));

    assertThat(target.calls())
        .containsExactly(
            "10s connect bob",
            "10s restart 1",
            "1m20s close 1: "
                + troubled.id()
                + ": after 2 consecutive restarts failed to transfer any data",
            "2m30s connect bob",
            "2m30s restart 2");
    assertThat(monitor.isWatching(healthy.id())).isTrue();
  }

  @Test
  void eventsOfChannelsNotWatchedAreIgnored() {
    monitor = new ChannelMonitor(config.build(), target, scheduler);
    DrivenChannel stranger = new DrivenChannel(monitor, pull(1));

    stranger.fail(EventCode.SEND_DATA_ERROR, "stream reset");
    scheduler.advance(Duration.ofHours(1));

    assertThat(target.calls()).isEmpty();
  }

  @Test
  void watchRefusesAChannelThisNodeDidNotInitiate() {
    monitor = new ChannelMonitor(config.build(), target, scheduler);

    assertThatThrownBy(() -> monitor.watch(MonitorFixtures.pullSeenByResponder(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("initiated");
  }

  @Test
  void eventsAreHandledOnTheSchedulerNeverOnTheCallersThread() {
    config.restartDebounce(Duration.ZERO);
    DrivenChannel channel = accepted(pull(1));

    channel.fail(EventCode.SEND_DATA_ERROR, "stream reset");
    assertThat(target.calls()).isEmpty();
    scheduler.runDue();

    assertThat(target.calls()).containsExactly("0s connect bob", "0s restart 1");
  }

  @Test
  void afterAProcessRestartTimeoutsFollowTheStoredStatus() {
    monitor = new ChannelMonitor(config.build(), target, scheduler);
    ChannelRecord ongoing = pull(1).withStatus(Status.ONGOING);
    ChannelRecord finished = pull(2).withStatus(Status.TRANSFER_FINISHED);

    monitor.watch(ongoing);
    monitor.watch(finished);
    scheduler.advance(Duration.ofHours(1));

    assertThat(target.calls())
        .containsExactly(
            "30s close 2: "
                + finished.channelId()
                + ": timed out waiting 30s for Complete message from remote peer");
    assertThat(monitor.isWatching(ongoing.channelId())).isTrue();
  }

  @Test
  void watchingAChannelTwiceKeepsOneMonitor() {
    DrivenChannel channel = channel(pull(1));
    scheduler.advance(seconds(10));

    channel.watched();
    scheduler.advance(seconds(50));

    assertThat(target.calls()).hasSize(1).allMatch(call -> call.startsWith("30s close 1"));
  }

  private DrivenChannel channel(ChannelRecord record) {
    if (monitor == null) {
      monitor = new ChannelMonitor(config.build(), target, scheduler);
    }
    return new DrivenChannel(monitor, record).watched();
  }

  private DrivenChannel accepted(ChannelRecord record) {
    DrivenChannel channel = channel(record);
    channel.fire(EventCode.ACCEPT);
    return channel;
  }

  /** A transport error, then the debounce (10s) and the backoff (1m) pass. */
  private void restartAfterAnError(DrivenChannel channel) {
    channel.fail(EventCode.SEND_DATA_ERROR, "stream reset");
    scheduler.advance(seconds(70));
  }

  private List<String> restarts() {
    return target.calls().stream().filter(call -> call.contains(" restart ")).toList();
  }

  private String last() {
    List<String> calls = target.calls();
    return calls.get(calls.size() - 1);
  }

  private static Duration seconds(long count) {
    return Duration.ofSeconds(count);
  }
}
