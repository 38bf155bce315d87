package io.dt4j.core.manager.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.dt4j.api.EventCode;
import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class ChannelMonitorProperties {

  /**
   * The promise of the issue: no channel stays Ongoing without data for longer than the limit the
   * configuration implies (see {@link MonitorConfig}); it fails, with the rate in the message.
   */
  @Property(tries = 200)
  void aStalledOngoingChannelFailsWithinTheConfiguredLimit(
      @ForAll @IntRange(min = 1, max = 600) int intervalSeconds,
      @ForAll @IntRange(min = 0, max = 60) int debounceSeconds,
      @ForAll @IntRange(min = 0, max = 600) int backoffSeconds,
      @ForAll @IntRange(min = 1, max = 5) int maxRestarts) {
    ManualScheduler scheduler = new ManualScheduler();
    RecordingTarget target = new RecordingTarget(scheduler);
    MonitorConfig config =
        MonitorConfig.builder()
            .dataRate(Duration.ofSeconds(intervalSeconds), 1)
            .restartDebounce(Duration.ofSeconds(debounceSeconds))
            .restartBackoff(Duration.ofSeconds(backoffSeconds))
            .maxConsecutiveRestarts(maxRestarts)
            .build();
    long limit =
        (maxRestarts + 1L) * (intervalSeconds + debounceSeconds)
            + (long) maxRestarts * backoffSeconds;
    ChannelMonitor monitor = new ChannelMonitor(config, target, scheduler);
    DrivenChannel channel = new DrivenChannel(monitor, MonitorFixtures.pull(1)).watched();
    channel.fire(EventCode.ACCEPT);

    scheduler.advance(Duration.ofSeconds(limit));

    assertThat(monitor.isWatching(channel.id())).isFalse();
    assertThat(target.calls().get(target.calls().size() - 1))
        .startsWith(GoDuration.format(Duration.ofSeconds(limit)) + " close 1: ")
        .contains("moved 0 bytes in the last " + GoDuration.format(config.dataRateCheckInterval()))
        .endsWith(
            "after " + (maxRestarts + 1) + " consecutive restarts failed to transfer any data");
  }
}
